import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatStore, type TempStore } from '../helpers/format-store.ts';

/** The rows of a CSV written by DuckDB's COPY (quotes doubled inside quoted cells), as records. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && (ch === ',' || ch === '\n')) {
      row.push(cell);
      cell = '';
      if (ch === '\n') {
        rows.push(row);
        row = [];
      }
    } else {
      cell += ch;
    }
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

describe('the rejects file gives the rows back as written', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  it('integer seconds stay integers, odd values stay as typed, a bad number keeps its row; fixed and dropped in again, it loads', async () => {
    t = await formatStore();
    const file = join(t.dir, 'calls.csv');
    writeFileSync(
      file,
      [
        'call_id,started_at,ring_seconds,talk_seconds,disposition,hangup_by,campaign,direction',
        'w1,2026-03-02 10:00:00,3,5,answered,callee,spring,',
        // refused on disposition; ring written with leading zeros
        'w2,2026-03-02 10:05:00,007,12,maybe,callee,spring,',
        // refused on direction; talk with a trailing zero
        'w3,2026-03-02 10:06:00,2,5.50,answered,agent,spring,sideways',
        // refused on talk_seconds: the reader used to refuse it alone, with no value but the line
        'w4,2026-03-02 10:07:00,4,abc,answered,callee,spring,',
      ].join('\n') + '\n',
    );
    const r = await t.ingest(file, { timezone: 'UTC' });
    expect(r).toMatchObject({ status: 'loaded', rowsRead: 4, inserted: 1, rejected: 3 });
    const text = readFileSync(r.rejectsPath!, 'utf8');
    const rejects = parseCsv(text);
    expect(text.split('\n')[0]).toBe(
      'line,reason,call_id,started_at,answered_at,ended_at,ring_seconds,talk_seconds,disposition,answered_by,' +
        'hangup_by,hangup_cause,campaign,script_id,agent_id,caller_number,number_tag,callee_id,segment,age_band,' +
        'outcome,direction,raw_line',
    );
    const pick = (x: Record<string, string>) => ({
      line: x.line,
      reason: x.reason,
      call_id: x.call_id,
      started_at: x.started_at,
      ring_seconds: x.ring_seconds,
      talk_seconds: x.talk_seconds,
      disposition: x.disposition,
      hangup_by: x.hangup_by,
      campaign: x.campaign,
      direction: x.direction,
    });
    expect(rejects.map(pick)).toEqual([
      {
        line: '3',
        reason: 'disposition: unknown value "maybe"',
        call_id: 'w2',
        started_at: '2026-03-02 10:05:00',
        ring_seconds: '007',
        talk_seconds: '12',
        disposition: 'maybe',
        hangup_by: 'callee',
        campaign: 'spring',
        direction: '',
      },
      {
        line: '4',
        reason: 'direction: unknown value "sideways" (inbound or outbound)',
        call_id: 'w3',
        started_at: '2026-03-02 10:06:00',
        ring_seconds: '2',
        talk_seconds: '5.50',
        disposition: 'answered',
        hangup_by: 'agent',
        campaign: 'spring',
        direction: 'sideways',
      },
      {
        line: '5',
        reason: 'talk_seconds: not a number: "abc"',
        call_id: 'w4',
        started_at: '2026-03-02 10:07:00',
        ring_seconds: '4',
        talk_seconds: 'abc',
        disposition: 'answered',
        hangup_by: 'callee',
        campaign: 'spring',
        direction: '',
      },
    ]);

    // The data team fixes the three values in the rejects file and drops it in again.
    const fixed = join(t.dir, 'calls.rejects-fixed.csv');
    writeFileSync(fixed, text.replace(',maybe,', ',answered,').replace(',sideways,', ',,').replace(',abc,', ',6,'));
    const again = await t.ingest(fixed, { timezone: 'UTC' });
    expect(again).toMatchObject({ status: 'loaded', rowsRead: 3, inserted: 3, rejected: 0, duplicates: 0 });
    const stored = await t.store.db.query(
      `SELECT call_id, ring_seconds, talk_seconds, disposition, campaign FROM calls ORDER BY call_id`,
    );
    expect(stored).toEqual([
      { call_id: 'w1', ring_seconds: 3, talk_seconds: 5, disposition: 'answered', campaign: 'spring' },
      { call_id: 'w2', ring_seconds: 7, talk_seconds: 12, disposition: 'answered', campaign: 'spring' },
      { call_id: 'w3', ring_seconds: 2, talk_seconds: 5.5, disposition: 'answered', campaign: 'spring' },
      { call_id: 'w4', ring_seconds: 4, talk_seconds: 6, disposition: 'answered', campaign: 'spring' },
    ]);
  });

  it('a line the reader cannot split keeps its raw line; JSON lines keep their values as written', async () => {
    t = await formatStore();
    const csvFile = join(t.dir, 'short.csv');
    writeFileSync(
      csvFile,
      'call_id,started_at,talk_seconds,disposition\nv1,2026-03-02 10:00:00,5,answered\nv2,2026-03-02 10:01:00\n',
    );
    const r = await t.ingest(csvFile, { timezone: 'UTC' });
    expect(r).toMatchObject({ inserted: 1, rejected: 1 });
    const [short] = parseCsv(readFileSync(r.rejectsPath!, 'utf8'));
    expect(short).toMatchObject({ line: '3', raw_line: 'v2,2026-03-02 10:01:00' });

    const jsonFile = join(t.dir, 'calls.jsonl');
    writeFileSync(
      jsonFile,
      '{"call_id":"j1","started_at":"2026-03-02 11:00:00","talk_seconds":5,"ring_seconds":"03","disposition":"maybe"}\n',
    );
    const j = await t.ingest(jsonFile, { timezone: 'UTC' });
    expect(j).toMatchObject({ rejected: 1 });
    const [row] = parseCsv(readFileSync(j.rejectsPath!, 'utf8'));
    expect(row).toMatchObject({ call_id: 'j1', talk_seconds: '5', ring_seconds: '03', disposition: 'maybe' });
  });
});
