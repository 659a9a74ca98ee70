/**
 * Stored derivations that depend on settings or on other rows: local time (business timezone),
 * the measure flags (server/semantic/measures.ts FLAGS, T = early seconds) and the rollups.
 * `alignDerived` runs at open and re-derives whatever a setting change or an older schema left
 * stale; the two hooks keep rollups current inside the ingest and delete transactions, for the
 * dates a file touched only.
 */
import { DOUBLE, INTEGER, type DuckDBConnection } from '@duckdb/node-api';
import { duckdb as d } from '../semantic/dialect.ts';
import { FLAGS, T_FLAGS, type FlagColumn } from '../semantic/measures.ts';
import {
  ROLLUPS,
  ROLLUP_VERSION,
  rollupAppendDoneSql,
  rollupAppendSql,
  rollupClearSql,
  rollupCompactSql,
  rollupDdl,
  rollupFillSql,
  type RollupDef,
} from '../semantic/rollups.ts';
import type { Database } from './database.ts';
import { sqlText } from './sql-files.ts';

/** Bumped when FLAGS gains or changes a definition: older databases re-derive every flag at open. */
export const FLAGS_VERSION = '1';

export interface DerivationSettings {
  timezone: string;
  earlySeconds: number;
}

async function metaGet(con: DuckDBConnection, key: string): Promise<string | undefined> {
  const rows = (await con.runAndReadAll(sqlText('meta_get'), { key })).getRowObjectsJson() as { value: string }[];
  return rows[0]?.value;
}
const metaSet = (con: DuckDBConnection, key: string, value: string) => con.run(sqlText('meta_set'), { key, value });

/** UPDATE setting the given flags from their definitions ($early_seconds = T), optionally for some rows. */
export function flagUpdateSql(flags: readonly FlagColumn[], where = ''): string {
  const sets = flags.map((f) => `${d.ident(f)} = ${FLAGS[f].replaceAll('$T', '$early_seconds::DOUBLE')}`);
  return `UPDATE calls SET ${sets.join(', ')}${where ? ` WHERE ${where}` : ''}`;
}

/** Re-derives flags of every stored call with T = earlySeconds (all flags, or only those depending on T). */
export async function rederiveFlags(db: Database, earlySeconds: number, only: 'all' | 't' = 'all'): Promise<void> {
  const flags = only === 'all' ? (Object.keys(FLAGS) as FlagColumn[]) : T_FLAGS;
  await db.writeConnection.run(flagUpdateSql(flags), { early_seconds: earlySeconds }, { early_seconds: DOUBLE });
  await metaSet(db.writeConnection, 'early_seconds', String(earlySeconds));
  await metaSet(db.writeConnection, 'flags_version', FLAGS_VERSION);
  db.derived.earlySeconds = earlySeconds;
  db.markWritten();
}

/**
 * Drops and refills every rollup from `calls` (and the ingest -> dates index the delete hook
 * reads), in one transaction. Also what a bulk load made outside ingest (the benchmark's SQL
 * generator) calls afterwards, after rederiveFlags.
 */
export async function rebuildRollups(db: Database): Promise<void> {
  // At open or after a bulk load: no other writer runs, so no queue (db.exclusive) is needed.
  await db.transaction(async (con) => {
    for (const r of ROLLUPS) {
      await con.run(`DROP TABLE IF EXISTS ${d.ident(r.name)}`);
      await con.run(rollupDdl(d, r));
      await con.run(rollupFillSql(d, r, null));
    }
    await con.run(sqlText('ingest_dates_rebuild'));
    await metaSet(con, 'rollups_version', ROLLUP_VERSION);
  });
  db.derived.rollups = true;
}

/**
 * At open: local time in the business timezone, every flag (older databases get them filled in
 * place), the T-dependent flags when the early-seconds setting changed, and the rollups whenever
 * any of those changed or their definition did.
 */
export async function alignDerived(db: Database, s: DerivationSettings): Promise<void> {
  const con = db.writeConnection;
  let stale = false;
  const tz = await metaGet(con, 'business_timezone');
  if (tz !== s.timezone) {
    if (tz) {
      await con.run(sqlText('rederive_local_time'), { business_tz: s.timezone });
      stale = true;
    }
    await metaSet(con, 'business_timezone', s.timezone);
    db.markWritten();
  }
  const storedT = await metaGet(con, 'early_seconds');
  if ((await metaGet(con, 'flags_version')) !== FLAGS_VERSION) {
    await rederiveFlags(db, s.earlySeconds, 'all');
    stale = true;
  } else if (storedT === undefined || Number(storedT) !== s.earlySeconds) {
    await rederiveFlags(db, s.earlySeconds, 't');
    stale = true;
  } else {
    db.derived.earlySeconds = Number(storedT);
  }
  if (stale || (await metaGet(con, 'rollups_version')) !== ROLLUP_VERSION) await rebuildRollups(db);
  else db.derived.rollups = true;
}

/** Refreshes rollups from calls for the dates in temp table touched_dates. */
async function refreshTouched(con: DuckDBConnection, rollups: readonly RollupDef[] = ROLLUPS): Promise<void> {
  const dates = 'SELECT local_date FROM touched_dates';
  for (const r of rollups) {
    await con.run(rollupClearSql(d, r, dates));
    await con.run(rollupFillSql(d, r, dates));
  }
}

/**
 * After a CDR ingest: the file's calls are new, so their aggregate is appended (work grows with
 * the file, not with the stored calls of those dates). Groups can then hold two rows only where
 * the rollup held rows before: the dates it already had are merged, and an all-dates twin (small)
 * is merged whole unless it was empty. A rollup holding nth_call_30d is recounted for every date
 * whose calls got a new count.
 */
async function addIngest(con: DuckDBConnection, ingestId: number): Promise<void> {
  await con.run(sqlText('own_dates_ingest'), { ingest_id: ingestId }, { ingest_id: INTEGER });
  const appended = ROLLUPS.filter((x) => !x.recountOlder);
  // Every dated rollup holds a row for each date that has calls: the smallest one says which.
  await con.run(
    `CREATE OR REPLACE TEMP TABLE held_dates AS SELECT DISTINCT local_date FROM ${d.ident(appended[0]!.name)} ` +
      'WHERE local_date IN (SELECT local_date FROM own_dates)',
  );
  const merge = Number((await con.runAndReadAll('SELECT count(*) FROM held_dates')).getRows()[0]![0]) > 0;
  for (const r of appended) {
    const held = !r.parent
      ? merge
      : (await con.runAndReadAll(`SELECT EXISTS (SELECT 1 FROM ${d.ident(r.name)})`)).getRows()[0]![0] === true;
    for (const sql of rollupAppendSql(d, r, '$ingest_id::INTEGER')) {
      if (sql.includes('$ingest_id')) await con.run(sql, { ingest_id: ingestId }, { ingest_id: INTEGER });
      else await con.run(sql);
    }
    if (held) for (const sql of rollupCompactSql(d, r, 'SELECT local_date FROM held_dates')) await con.run(sql);
  }
  for (const sql of rollupAppendDoneSql(d, appended)) await con.run(sql);
  await con.run('DROP TABLE held_dates');
  await refreshTouched(
    con,
    ROLLUPS.filter((x) => x.recountOlder),
  );
}

/**
 * Called inside the ingest transaction once the file's rows are stored: records
 * the dates this ingest brought, re-derives flags of calls an evidence file explained, and
 * refreshes the rollups of every date whose calls changed.
 */
export async function rollupsAfterIngest(
  db: Database,
  ingestId: number,
  kind: 'calls' | 'dimension' | 'evidence',
): Promise<void> {
  const con = db.writeConnection;
  const id = { ingest_id: ingestId };
  const types = { ingest_id: INTEGER };
  if (kind === 'calls') {
    await con.run(sqlText('ingest_dates_add'), id, types);
    await con.run(sqlText('touched_dates_ingest'), id, types);
    if (db.derived.rollups) await addIngest(con, ingestId);
    return;
  } else if (kind === 'evidence') {
    // Voice Insights re-tell who hung up: every flag of those calls is derived again.
    const matched = 'call_id IN (SELECT call_sid FROM twilio_insights_summaries WHERE ingest_id = $ingest_id::INTEGER)';
    await con.run(sqlText('touched_dates_evidence'), id, types);
    await con.run(
      flagUpdateSql(Object.keys(FLAGS) as FlagColumn[], matched),
      { ...id, early_seconds: db.derived.earlySeconds ?? 10 },
      { ...types, early_seconds: DOUBLE },
    );
  } else {
    // Customers and caller-number files re-derive segment, age band and number tag of their calls.
    await con.run(sqlText('touched_dates_dimension'), id, types);
  }
  if (db.derived.rollups) await refreshTouched(con);
}

/** Called inside the delete transaction after the file's calls are gone. */
export async function rollupsAfterDelete(db: Database, ingestId: number): Promise<void> {
  const con = db.writeConnection;
  const id = { ingest_id: ingestId };
  await con.run(sqlText('touched_dates_delete'), id, { ingest_id: INTEGER });
  await con.run(sqlText('ingest_dates_forget'), id, { ingest_id: INTEGER });
  if (db.derived.rollups) await refreshTouched(con);
}
