import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFor, getJson, ingestText, tempStore } from '../helpers/temp-store.ts';

const example = (name: string) => readFileSync(new URL(`../../sample-data/examples/${name}`, import.meta.url));

describe('the small example files say what sample-data/README.md says', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  beforeAll(async () => (store = await tempStore()));
  afterAll(() => store.cleanup());

  it('canonical-small.csv: 12 dials, 8 answered, 3 early hang-ups, 2 rejected, 1 converted', async () => {
    expect((await ingestText(store, 'canonical-small.csv', example('canonical-small.csv'))).inserted).toBe(12);
    const { body } = await getJson(appFor(store), '/api/summary');
    expect(body).toMatchObject({
      dials: 12,
      answered: 8,
      hangups: 4,
      earlyHangups: 3,
      rejected: 2,
      converted: 1,
      machineAnswered: 1,
      unknownParty: 1,
      knownParty: 7,
    });
    // Issue 9: over the 7 answered calls whose hang-up party is known.
    expect(body.hangupRate).toBeCloseTo(3 / 7, 12);
  });

  it('with-rejects.csv: read 8, inserted 3, duplicates 1, rejected 4', async () => {
    expect(await ingestText(store, 'with-rejects.csv', example('with-rejects.csv'))).toMatchObject({
      rowsRead: 8,
      inserted: 3,
      duplicates: 1,
      rejected: 4,
    });
  });

  it('calls.jsonl and gbk-segments.csv load fully', async () => {
    expect(await ingestText(store, 'calls.jsonl', example('calls.jsonl'))).toMatchObject({
      inserted: 3,
      format: 'canonical',
    });
    expect(await ingestText(store, 'gbk-segments.csv', example('gbk-segments.csv'))).toMatchObject({
      inserted: 3,
      encoding: 'gb18030',
    });
    const segs = (await getJson(appFor(store), '/api/dimensions')).body.segment.map((s: any) => s.value);
    expect(segs).toEqual(expect.arrayContaining(['白领', '退休']));
  });
});
