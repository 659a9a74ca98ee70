import { afterEach, describe, expect, it } from 'vitest';
import { deleteIngest } from '../../server/ingest/delete-ingest.ts';
import { csv, ingestText, tempStore } from '../helpers/temp-store.ts';

type Store = Awaited<ReturnType<typeof tempStore>>;

/** `n` calls over a few callees, so nth_call_30d has something to count. */
function rows(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    call_id: `c${i}`,
    started_at: `2026-09-${String(1 + (i % 25)).padStart(2, '0')}T${String(9 + (i % 8)).padStart(2, '0')}:00:00+08:00`,
    talk_seconds: i % 5 === 0 ? 0 : 20 + (i % 30),
    disposition: i % 5 === 0 ? 'no_answer' : 'answered',
    hangup_by: 'callee',
    callee_id: `cust-${i % 37}`,
    script_id: i % 2 ? 'A' : 'B',
  }));
}

const count = async (s: Store) =>
  Number((await s.db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM calls'))[0]!.n);
/** Stored nth_call_30d values that differ from a recount over what is stored now. */
const wrongNth = async (s: Store) =>
  Number(
    (
      await s.db.query<{ n: number }>(`
  SELECT count(*)::INTEGER AS n FROM (
    SELECT nth_call_30d, count(*) OVER (PARTITION BY callee_id ORDER BY started_at RANGE BETWEEN INTERVAL 30 DAYS PRECEDING AND CURRENT ROW) AS want
    FROM calls WHERE callee_id IS NOT NULL) WHERE nth_call_30d <> want`)
    )[0]!.n,
  );

/** Deletes an ingest; checks what it answers, the calls left, and that nth_call_30d was recounted. */
async function deleteAndCheck(s: Store, ingestId: number, want: Record<string, unknown>, left: number) {
  const out = await deleteIngest(s.db, ingestId);
  expect(out).toMatchObject({ ok: true, ...want });
  expect(await count(s)).toBe(left);
  expect(await wrongNth(s)).toBe(0);
  return out;
}

describe('delete that loses nothing (issue 11 scenario: truncated file, then the full one)', () => {
  let s: Store;
  afterEach(() => s?.cleanup());

  it('keeps the calls the full file also holds, says so, and lets the deleted file load again', async () => {
    s = await tempStore();
    const all = rows(300);
    const truncated = await ingestText(s, 'truncated.csv', csv(all.slice(0, 179)));
    const full = await ingestText(s, 'full.csv', csv(all));
    expect([truncated.inserted, full.inserted, full.duplicates]).toEqual([179, 121, 179]);

    const keptBy = [{ ingestId: full.ingestId, fileName: 'full.csv', calls: 179 }];
    const first = await deleteAndCheck(s, truncated.ingestId, { deleted: 0, kept: 179, keptBy }, 300);
    expect(first.ok && first.message).toMatch(
      /kept: 179, because other loaded files also hold them: #\d+ full\.csv \(179\)/,
    );

    // The full file is still loaded with all its calls: sending it again is a repeat, correctly.
    expect((await ingestText(s, 'full-again.csv', csv(all))).status).toBe('repeated');
    // The deleted file can be ingested again; its calls are all there already.
    const again = await ingestText(s, 'truncated.csv', csv(all.slice(0, 179)));
    expect(again).toMatchObject({ status: 'loaded', inserted: 0, duplicates: 179 });

    // Deleting the full file now removes only what no other live file holds.
    await deleteAndCheck(
      s,
      full.ingestId,
      { deleted: 121, kept: 179, keptBy: [{ ingestId: again.ingestId, calls: 179 }] },
      179,
    );

    // The calls moved to the file that kept them, so deleting it removes them.
    await deleteAndCheck(s, again.ingestId, { deleted: 179, kept: 0 }, 0);
    expect(Number((await s.db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM call_files'))[0]!.n)).toBe(0);
  });

  it('the other order: delete the full file first, the truncated one keeps its calls', async () => {
    s = await tempStore();
    const all = rows(120);
    const truncated = await ingestText(s, 't.csv', csv(all.slice(0, 50)));
    const full = await ingestText(s, 'f.csv', csv(all));
    await deleteAndCheck(
      s,
      full.ingestId,
      { deleted: 70, kept: 50, keptBy: [{ ingestId: truncated.ingestId, calls: 50 }] },
      50,
    );
    // A file's repeat of its own call (twice in one file) is one membership, not two.
    const dup = await ingestText(s, 'dup.csv', csv([all[60]!, all[60]!]));
    expect(dup).toMatchObject({ inserted: 1, duplicates: 1 });
    await deleteAndCheck(s, dup.ingestId, { deleted: 1, kept: 0 }, 50);
  });
});
