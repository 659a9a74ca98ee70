/**
 * The call generator in DuckDB SQL (queries/bench/bench_macros.sql) for the benchmark: the same model
 * as generate.ts (planted effects from model.ts), but made by DuckDB in batches, so 100 M calls
 * take minutes instead of hours. Two outputs:
 *  - generateCalls: rows straight into `calls`, derived columns filled as ingest fills them;
 *  - exportCanonicalCsv: a canonical CSV file (the layout generate.ts writes) for ingest runs.
 * The random stream differs from generate.ts (hashes instead of mulberry32), so rows are not the
 * same as the JS sample's; the distributions and effects are (test/bench/generate-sql.test.ts).
 */
import {
  BLOB,
  BOOLEAN,
  DOUBLE,
  INTEGER,
  LIST,
  VARCHAR,
  blobValue,
  listValue,
  type DuckDBConnection,
} from '@duckdb/node-api';
import type { Database } from '../server/db/database.ts';
import { sqlText } from '../server/db/sql-files.ts';
import { rebuildRollups } from '../server/db/derived.ts';
import { hmacPads, loadCalleeKey } from '../server/ingest/callee-key.ts';
import { FLAGS } from '../server/semantic/measures.ts';
import { SAMPLE_DEFAULTS } from './generate.ts';
import * as model from './model.ts';

// The dial mix of generate.ts (module-private there): hours with a lunch dip, campaign shares,
// script shares (C mostly to white-collar callees at work hours: the Simpson confounder).
const HOURS = [9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];
const HOUR_WEIGHTS = [9, 10, 10, 5, 6, 10, 10, 10, 9, 7, 8, 7, 5];
const CAMPAIGN_WEIGHTS = [0.45, 0.3, 0.25];
const SCRIPT_IDS: model.ScriptId[] = ['A', 'B', 'C', 'D'];
const SCRIPT_WEIGHTS = [0.3, 0.3, 0.1, 0.3];
const SCRIPT_WEIGHTS_WORK = [0.15, 0.15, 0.55, 0.15];
/** Mean dials per callee of this model (measured: about 2.0); batches are sized with it. */
const DIALS_PER_CALLEE = 2;

/**
 * A weighted choice as the SQL generator picks it (bench_macros.sql bench_pick), 1-based:
 * cum = cumulative shares ending in exactly 1; lut[b] = the item picked at u = b / 4096 (the
 * first with cum > u); nxt[i] = the next item of positive weight after i. Exact as long as every
 * positive share exceeds 1/4096 (checked), since a bucket then holds at most one boundary.
 */
export function pickTable(weights: readonly number[]): { lut: number[]; cum: number[]; nxt: number[] } {
  const total = weights.reduce((s, w) => s + w, 0);
  for (const w of weights)
    if (w > 0 && w / total <= 1 / 4096) throw new Error(`share ${w / total} too small for the pick table`);
  let acc = 0;
  const cum = weights.map((w, i) => (i === weights.length - 1 ? 1 : (acc += w) / total));
  const lut = Array.from({ length: 4096 }, (_, b) => 1 + cum.findIndex((c) => c > b / 4096));
  const nxt = weights.map((_, i) => {
    for (let j = i + 1; j < weights.length; j++) if (weights[j]! > 0) return j + 1;
    return weights.length;
  });
  return { lut, cum, nxt };
}

/** The $lut_/$cum_/$nxt_ parameters of bench_model.sql for one pick table, or several back to back. */
function pickParams(name: string, tables: ReturnType<typeof pickTable>[]) {
  return {
    values: {
      [`lut_${name}`]: listValue(tables.flatMap((t) => t.lut)),
      [`cum_${name}`]: listValue(tables.flatMap((t) => t.cum)),
      [`nxt_${name}`]: listValue(tables.flatMap((t) => t.nxt)),
    },
    types: { [`lut_${name}`]: LIST(INTEGER), [`cum_${name}`]: LIST(DOUBLE), [`nxt_${name}`]: LIST(INTEGER) },
  };
}

export interface SqlSampleOptions {
  calls: number;
  seed: number;
  /** Calls per INSERT statement (memory per batch); default 4 M. */
  batchCalls?: number;
  businessTimezone: string;
  earlySeconds: number;
  /** Data folder holding callee-hash.key (the store's), so callee ids hash as ingest hashes them. */
  dataDir: string;
  onProgress?: (done: number, total: number) => void;
}

const D = DOUBLE;
const LD = LIST(DOUBLE);

/** Creates the TEMP model table and macros on `con` (the store's write connection: callee_key lives there). */
export async function prepareGenerator(con: DuckDBConnection): Promise<void> {
  const start = Date.parse(`${SAMPLE_DEFAULTS.start}T00:00:00+08:00`) / 1000;
  const nums = Array.from({ length: 40 }, (_, i) => i);
  const tags = nums.map((i) => model.numberTagOf(i));
  const agents = [
    model.NEW_AGENT,
    ...Array.from({ length: model.AGENT_COUNT }, (_, i) => `a${String(i + 1).padStart(2, '0')}`),
  ];
  const values = {
    seg_keys: listValue(model.SEGMENTS.map((s) => s.key)),
    white_collar: 1 + model.SEGMENTS.findIndex((s) => s.key === 'white_collar'),
    age_bands: listValue([...model.AGE_BANDS]),
    age_effect: listValue(model.AGE_EFFECT),
    seg_hour_effect: listValue(
      model.SEGMENTS.map((s) => listValue(Array.from({ length: 24 }, (_, h) => model.segmentHourEffect(s.key, h)))),
    ),
    campaigns: listValue([...model.CAMPAIGNS]),
    hours: listValue(HOURS),
    scripts: listValue(SCRIPT_IDS),
    script_effect: listValue(SCRIPT_IDS.map((s) => model.SCRIPTS[s].effect)),
    numbers: listValue(nums.map((i) => `021555${70 + Math.floor(i / 10)}${String(i).padStart(2, '0')}`)),
    number_tag: listValue(tags),
    number_answer: listValue(tags.map((t) => model.NUMBER_TAGS[t].answer)),
    number_reject: listValue(tags.map((t) => model.NUMBER_TAGS[t].reject)),
    number_hangup: listValue(tags.map((t) => model.NUMBER_TAGS[t].hangup)),
    agents: listValue(agents),
    agent_bad: listValue(agents.slice(1).map((a) => model.BAD_AGENTS.has(a))),
    bad_agent_effect: model.BAD_AGENT_EFFECT,
    base_logit: model.BASE_LOGIT,
    frequency_effect: model.FREQUENCY_EFFECT,
    burned_number: model.BURNED_NUMBER + 1,
    agent_count: model.AGENT_COUNT,
    days: 7 * SAMPLE_DEFAULTS.weeks,
    start_epoch: start,
  };
  const types = {
    seg_keys: LIST(VARCHAR),
    white_collar: INTEGER,
    age_bands: LIST(VARCHAR),
    age_effect: LD,
    seg_hour_effect: LIST(LD),
    campaigns: LIST(VARCHAR),
    hours: LIST(INTEGER),
    scripts: LIST(VARCHAR),
    script_effect: LD,
    numbers: LIST(VARCHAR),
    number_tag: LIST(VARCHAR),
    number_answer: LD,
    number_reject: LD,
    number_hangup: LD,
    agents: LIST(VARCHAR),
    agent_bad: LIST(BOOLEAN),
    bad_agent_effect: D,
    base_logit: D,
    frequency_effect: D,
    burned_number: INTEGER,
    agent_count: INTEGER,
    days: INTEGER,
    start_epoch: DOUBLE,
  };
  const picks = [
    pickParams('segment', [pickTable(model.SEGMENTS.map((s) => s.share))]),
    pickParams(
      'age',
      model.SEGMENTS.map((s) => pickTable(s.ages)),
    ),
    pickParams('campaign', [pickTable(CAMPAIGN_WEIGHTS)]),
    pickParams('hour', [pickTable(HOUR_WEIGHTS)]),
    pickParams('script', [pickTable(SCRIPT_WEIGHTS)]),
    pickParams('script_work', [pickTable(SCRIPT_WEIGHTS_WORK)]),
  ];
  await con.run(
    sqlText('bench_model'),
    Object.assign({}, values, ...picks.map((p) => p.values)),
    Object.assign({}, types, ...picks.map((p) => p.types)),
  );
  await con.run(sqlText('bench_macros'));
}

/**
 * Calls made outside ingest, recorded as one ingest would be: `fill` inserts them under the new
 * ingest id (returning how many) inside one transaction with their ingest_log row (format
 * "generated"), then the rollups are rebuilt as the semantic layer asks of a bulk load.
 */
export async function recordGenerated(
  db: Database,
  log: { fileName: string; message: string },
  fill: (con: DuckDBConnection, ingestId: number) => Promise<number>,
): Promise<{ ingestId: number; inserted: number; ms: number; rollupsMs: number }> {
  const t0 = Date.now();
  const con = db.writeConnection;
  const [idRow] = await db.query<{ id: number }>(sqlText('ingest_next_id'));
  const ingestId = Number(idRow!.id);
  let inserted = 0;
  await con.run('BEGIN TRANSACTION');
  try {
    inserted = await fill(con, ingestId);
    const unknown = await con.runAndReadAll(
      'SELECT count(*)::INTEGER AS n FROM calls WHERE ingest_id = $id::INTEGER AND is_answered AND hangup_by IS NULL',
      { id: ingestId },
    );
    await con.run(
      sqlText('ingest_log_add'),
      {
        ingest_id: ingestId,
        file_name: log.fileName,
        sha256: '-',
        format: 'generated',
        encoding: null,
        status: 'loaded',
        message: log.message,
        rows_read: inserted,
        inserted,
        duplicates: 0,
        rejected: 0,
        rejects_path: null,
        extra_columns: null,
        duration_ms: Date.now() - t0,
        folded: 0,
        fold_notes: null,
        source_timezone: null,
        unknown_party: Number(unknown.getRows()[0]![0]),
        kind: 'calls',
        inbound: 0,
        timezone_inferred: false,
        message_parts: null, // a benchmark's note, shown in English as written
      },
      {
        encoding: VARCHAR,
        message_parts: VARCHAR,
        rejects_path: VARCHAR,
        extra_columns: VARCHAR,
        fold_notes: VARCHAR,
        source_timezone: VARCHAR,
      },
    );
    await con.run('COMMIT');
  } catch (err) {
    await con.run('ROLLBACK');
    throw err;
  }
  db.markWritten();
  const ms = Date.now() - t0;
  await rebuildRollups(db);
  return { ingestId, inserted, ms, rollupsMs: Date.now() - t0 - ms };
}

/** A bench query file with its {{flags}} slot filled as ingest stores them (FLAGS, T = $early_seconds). */
export const withStoredFlags = (name: 'bench_insert_calls' | 'bench_ingest_floor') =>
  sqlText(name).replace(
    '{{flags}}',
    Object.entries(FLAGS)
      .map(([column, sql]) => `${sql.replaceAll('$T', '$early_seconds::DOUBLE')} AS ${column}`)
      .join(',\n  '),
  );

/**
 * Appends `calls` generated calls to the store's `calls` table, every measure flag stored as
 * ingest stores it (recordGenerated). Batches cover whole callees, so nth_call_30d is exact.
 */
export async function generateCalls(
  db: Database,
  opts: SqlSampleOptions,
): Promise<{ ingestId: number; inserted: number; ms: number; rollupsMs: number }> {
  await prepareGenerator(db.writeConnection);
  const { ipad, opad } = hmacPads(loadCalleeKey(opts.dataDir));
  const batchCallees = Math.max(1000, Math.round((opts.batchCalls ?? 4_000_000) / DIALS_PER_CALLEE));
  const log = {
    fileName: `generated-${opts.calls}-seed${opts.seed}`,
    message: 'made by sample-data/generate-sql.ts (benchmark)',
  };
  return recordGenerated(db, log, async (con, ingestId) => {
    let done = 0;
    for (let c0 = 1; done < opts.calls; c0 += batchCallees) {
      const res = await con.run(
        withStoredFlags('bench_insert_calls'),
        {
          seed: opts.seed,
          c0,
          c1: c0 + batchCallees,
          n0: done,
          n_total: opts.calls,
          ipad: blobValue(ipad),
          opad: blobValue(opad),
          business_tz: opts.businessTimezone,
          early_seconds: opts.earlySeconds,
          ingest_id: ingestId,
        },
        { ipad: BLOB, opad: BLOB },
      );
      done += res.rowsChanged;
      opts.onProgress?.(done, opts.calls);
    }
    return done;
  });
}

/**
 * Writes `calls` generated calls as a canonical CSV at `path` (call ids `<prefix>000000001`…),
 * using `con` (a store's write connection, prepared or not). Returns the rows written.
 */
export async function exportCanonicalCsv(
  con: DuckDBConnection,
  path: string,
  opts: { calls: number; seed: number; prefix: string },
): Promise<number> {
  await prepareGenerator(con);
  // Enough callees for the calls (the file is cut at exactly `calls`); retried wider if short.
  for (let factor = 0.75; ; factor *= 1.5) {
    const res = await con.run(sqlText('bench_export_csv'), {
      seed: opts.seed,
      c0: 1,
      c1: 1 + Math.ceil(opts.calls * factor),
      n_total: opts.calls,
      prefix: opts.prefix,
      path,
    });
    if (res.rowsChanged >= opts.calls) return res.rowsChanged;
  }
}
