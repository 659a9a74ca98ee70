import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { memorySettings } from '../../server/db/memory.ts';
import { sqlText } from '../../server/db/sql-files.ts';
import { survival } from '../../server/analysis/survival.ts';
import { summary } from '../../server/metrics.ts';
import { duckdb } from '../../server/semantic/dialect.ts';
import { FLAGS } from '../../server/semantic/measures.ts';
import { whereOf } from '../../server/semantic/sql.ts';
import { openStore } from '../../server/store.ts';
import { csv, getJson, ingestText, tempStore } from '../helpers/temp-store.ts';
import { storeWithCalls } from './fixture-store.ts';

const NONE = { campaign: [], script: [], segment: [], numberTag: [], agent: [] };

describe('semantic layer: one definition', () => {
  it('ingest_insert.sql derives every stored flag exactly as FLAGS defines it', () => {
    const sql = sqlText('ingest_insert').replace(/\s+/g, ' ');
    for (const [flag, def] of Object.entries(FLAGS))
      expect(sql).toContain(`${def.replaceAll('$T', 'early_t')} AS ${flag}`);
  });

  it('WHERE holds only the filters present, values as bound parameters', () => {
    expect(whereOf(duckdb, NONE)).toEqual({ where: [], params: {} });
    const w = whereOf(duckdb, {
      ...NONE,
      from: '2026-09-01',
      segment: ["x'); DROP TABLE calls; --", 'b'],
      agent: ['a1'],
    });
    expect(w.where).toEqual([
      'local_date >= $from::DATE',
      '"segment" IN ($segment_0::VARCHAR, $segment_1::VARCHAR)',
      '"agent_id" = $agent_id_0::VARCHAR',
    ]);
    expect(w.params.segment_0).toEqual({ type: 'text', value: "x'); DROP TABLE calls; --" });
  });

  it('HANGUP_MEMORY_LIMIT: default 25% of RAM capped at 1.5 GB; megabytes or DuckDB sizes; temp dir beside the database', () => {
    const GB = 1024 ** 3;
    expect(memorySettings('/d/h.duckdb', {}, 16 * GB)).toEqual({
      memoryLimit: '1536MB',
      tempDirectory: '/d/tmp/duckdb',
    });
    expect(memorySettings('/d/h.duckdb', {}, 2 * GB).memoryLimit).toBe('512MB');
    expect(memorySettings('/d/h.duckdb', { HANGUP_MEMORY_LIMIT: '800' }).memoryLimit).toBe('800MB');
    expect(memorySettings('/d/h.duckdb', { HANGUP_MEMORY_LIMIT: '2GB' }).memoryLimit).toBe('2GB');
    expect(memorySettings(':memory:', {}).tempDirectory).toBeNull();
    expect(() => memorySettings('/d/h.duckdb', { HANGUP_MEMORY_LIMIT: 'lots' })).toThrow(/HANGUP_MEMORY_LIMIT/);
  });
});

// 40 answered calls: 2 with a known party (1 early callee hang-up), 38 unknown; 12 of the 40 shorter than 10 s.
const mostlyUnknown = [
  {
    call_id: 'k1',
    started_at: '2026-09-07T09:00:00+08:00',
    disposition: 'answered',
    talk_seconds: 3,
    hangup_by: 'callee',
    script_id: 'A',
  },
  {
    call_id: 'k2',
    started_at: '2026-09-07T09:01:00+08:00',
    disposition: 'answered',
    talk_seconds: 50,
    hangup_by: 'agent',
    script_id: 'B',
  },
  ...Array.from({ length: 38 }, (_, i) => ({
    call_id: `u${i}`,
    started_at: `2026-09-07T10:${String(i).padStart(2, '0')}:00+08:00`,
    disposition: 'answered',
    talk_seconds: i < 11 ? 4 : 30,
    script_id: i % 2 ? 'A' : 'B',
  })),
  {
    call_id: 'r1',
    started_at: '2026-09-07T11:00:00+08:00',
    disposition: 'rejected',
    ended_at: '2026-09-07T11:00:05+08:00',
  },
];

describe('known party, short calls and the headline (issue 9)', () => {
  const fx = storeWithCalls(mostlyUnknown, 'unknown.csv');

  it('95% unknown party: the hang-up rate is over the 2 known calls only, the headline switches to short calls, both languages say why', async () => {
    const { body } = await getJson(fx.app, '/api/summary');
    expect(body).toMatchObject({
      dials: 41,
      answered: 40,
      knownParty: 2,
      unknownParty: 38,
      earlyHangups: 1,
      hangupRate: 0.5,
      shortCalls: 12,
      shortCallRate: 0.3,
      headline: 'short',
    });
    expect(body.headlineReason.unknownPartyShare).toBeCloseTo(0.95, 12);
    expect(body.headlineReason.en).toBe(
      'Your CDRs do not say who hung up for 95% of answered calls: showing calls shorter than 10 s.',
    );
    expect(body.headlineReason.zh).toContain('95%');
    expect(body.headlineReason.zh).toContain('10 秒');
  });

  it('no known-party call: the hang-up rate is null (never 0), its bounds too', async () => {
    const { body } = await getJson(fx.app, '/api/breakdown?by=hour');
    const ten = body.rows.find((r: any) => r.key === 10);
    expect(ten).toMatchObject({
      answered: 38,
      knownParty: 0,
      hangupRate: null,
      hangupRateCiLow: null,
      ciLow: null,
      shortCalls: 11,
    });
    expect(ten.shortCallRate).toBeCloseTo(11 / 38, 12);
    const cells = (await getJson(fx.app, '/api/heatmap?x=hour&y=script')).body.cells;
    expect(cells.every((c: any) => 'knownParty' in c && 'shortCallRate' in c && 'shortCallRateCiHigh' in c)).toBe(true);
  });

  it('survival follows the headline: every answered call ends (short) unless a hang-up metric is asked, which keeps known-party calls only', async () => {
    const s = await survival(fx.store.db, 'script', { ...NONE }, fx.store.settings);
    expect(s.metric).toBe('short');
    expect(s.groups.map((g) => [g.key, g.n, g.events])).toEqual([
      ['A', 20, 20],
      ['B', 20, 20],
    ]);
    // S(10) = share still talking at 10 s = 1 - short-call rate of the line.
    const a = s.groups.find((g) => g.key === 'A')!;
    expect(a.at.s10).toBeCloseTo(1 - 6 / 20, 12);
    const h = await survival(fx.store.db, 'script', { ...NONE }, fx.store.settings, 'hangup');
    expect(h.groups.map((g) => [g.key, g.n, g.events])).toEqual([
      ['A', 1, 1],
      ['B', 1, 0],
    ]);
  });

  it('recommendations say which metric they rank by', async () => {
    const { body } = await getJson(fx.app, '/api/recommendations');
    expect(body.metric).toBe('short');
  });
});

describe('stored flags upgrade in place and follow T', () => {
  it('a database made by the previous schema gets its flags and rollups at open, with unchanged numbers', async () => {
    const t = await tempStore();
    const rows = [
      {
        call_id: 'c1',
        started_at: '2026-09-07T09:10:00+08:00',
        disposition: 'answered',
        talk_seconds: 3,
        hangup_by: 'callee',
        outcome: 'converted',
      },
      {
        call_id: 'c2',
        started_at: '2026-09-07T09:20:00+08:00',
        disposition: 'answered',
        talk_seconds: 40,
        hangup_by: 'agent',
        answered_by: 'machine',
      },
      {
        call_id: 'c3',
        started_at: '2026-09-08T09:20:00+08:00',
        disposition: 'rejected',
        ended_at: '2026-09-08T09:20:05+08:00',
      },
      { call_id: 'c4', started_at: '2026-09-08T09:30:00+08:00', disposition: 'answered', talk_seconds: 8 },
    ];
    await ingestText(t, 'a.csv', csv(rows));
    const before = await summary(t.db, { ...NONE }, t.settings);
    const path = t.db.path;
    t.db.close();
    // Make it look like a database of the previous schema: no new flags, no rollups, no meta for them.
    const inst = await DuckDBInstance.create(path);
    const con = await inst.connect();
    for (const col of ['is_rejected', 'is_converted', 'is_machine', 'is_known_party', 'is_short'])
      await con.run(`ALTER TABLE calls DROP COLUMN ${col}`);
    await con.run(
      'DROP TABLE ingest_dates; DROP TABLE rollup_day; DROP TABLE rollup_hour; DROP TABLE rollup_agent; DROP TABLE rollup_caller; DROP TABLE rollup_freq',
    );
    await con.run("DELETE FROM meta WHERE key IN ('flags_version', 'early_seconds', 'rollups_version')");
    con.closeSync();
    inst.closeSync();

    const store = await openStore(path, t.settings);
    try {
      const flags = await store.db.query(
        'SELECT call_id, is_rejected, is_converted, is_machine, is_known_party, is_short FROM calls ORDER BY call_id',
      );
      expect(flags).toEqual([
        {
          call_id: 'c1',
          is_rejected: false,
          is_converted: true,
          is_machine: false,
          is_known_party: true,
          is_short: true,
        },
        {
          call_id: 'c2',
          is_rejected: false,
          is_converted: false,
          is_machine: true,
          is_known_party: true,
          is_short: false,
        },
        {
          call_id: 'c3',
          is_rejected: true,
          is_converted: false,
          is_machine: false,
          is_known_party: false,
          is_short: false,
        },
        {
          call_id: 'c4',
          is_rejected: false,
          is_converted: false,
          is_machine: false,
          is_known_party: false,
          is_short: true,
        },
      ]);
      expect(store.db.derived).toEqual({ earlySeconds: 10, rollups: true });
      const after = await summary(store.db, { ...NONE }, store.settings);
      expect(after).toEqual(before);
      expect(after).toMatchObject({
        dials: 4,
        answered: 3,
        knownParty: 2,
        shortCalls: 2,
        rejected: 1,
        converted: 1,
        machineAnswered: 1,
      });
    } finally {
      store.db.close();
      t.cleanup();
    }
  });

  it('opening with another T re-derives the early and short flags and the rollups', async () => {
    const t = await tempStore();
    await ingestText(
      t,
      'a.csv',
      csv([
        {
          call_id: 'c1',
          started_at: '2026-09-07T09:10:00+08:00',
          disposition: 'answered',
          talk_seconds: 3,
          hangup_by: 'callee',
        },
        {
          call_id: 'c2',
          started_at: '2026-09-07T09:20:00+08:00',
          disposition: 'answered',
          talk_seconds: 7,
          hangup_by: 'callee',
        },
      ]),
    );
    const path = t.db.path;
    t.db.close();
    const store = await openStore(path, { ...t.settings, earlySeconds: 5 });
    try {
      expect(store.db.derived.earlySeconds).toBe(5);
      const [r] = await store.db.query<{ e: number; s: number }>(
        'SELECT sum(early_hangups)::INTEGER AS e, sum(short_calls)::INTEGER AS s FROM rollup_day',
      );
      expect(r).toEqual({ e: 1, s: 1 });
      expect(await summary(store.db, { ...NONE }, store.settings)).toMatchObject({
        earlyHangups: 1,
        shortCalls: 1,
        hangupRate: 0.5,
      });
    } finally {
      store.db.close();
      t.cleanup();
    }
  });
});
