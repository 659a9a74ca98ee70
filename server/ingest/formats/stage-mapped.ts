import { Database } from '../../db/database.ts';
import {
  BOOLEAN,
  type DuckDBConnection,
  INTEGER,
  LIST,
  STRUCT,
  VARCHAR,
  listValue,
  structValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import { renderEach, sqlText } from '../../db/sql-files.ts';
import { looseName } from './csv-line.ts';
import { HELPER_COLUMNS, type FieldRule, type FormatPlan } from './types.ts';
import { CANONICAL_COLUMNS } from '../canonical.ts';
import { settleDates } from '../dates.ts';
import type { MessagePart } from '../message-parts.ts';
import type { JsonLayout } from '../sniff.ts';

export const RULE = STRUCT({
  idx: LIST(INTEGER),
  sep: VARCHAR,
  re: VARCHAR,
  keys: LIST(VARCHAR),
  vals: LIST(VARCHAR),
  dflt: VARCHAR,
});
const OPTS = STRUCT({
  answered_when_answer_time: BOOLEAN,
  system_causes: LIST(VARCHAR),
  inbound_answered_at_start: BOOLEAN,
  date_format: VARCHAR,
});

/** The columns a dialer format's rules fill (format_map.sql): canonical ones, then the helpers folding needs. */
const MAPPED_COLUMNS = [...CANONICAL_COLUMNS, ...HELPER_COLUMNS];

export interface FoldNote {
  reason: string;
  rows: number;
}

/** A JSON path for one key, quoted so any header text (spaces, Chinese, dots) is just a name. */
function keyPath(parts: string[]): string {
  return '$' + parts.map((p) => `."${p}"`).join('');
}

/**
 * Resolves a rule's column names against the file: for CSV, the header names compared loosely
 * (case, spaces, underscores; names absent from the file drop out); for JSON, dotted paths into
 * nested objects (Agent.Username). Names containing a double quote cannot be addressed and drop out.
 */
export function resolver(header: string[] | null): (name: string) => string | null {
  if (!header) return (name) => (name.includes('"') ? null : keyPath(name.split('.')));
  const byLoose = new Map<string, string>();
  for (const h of header) if (!byLoose.has(looseName(h))) byLoose.set(looseName(h), h);
  return (name) => {
    const actual = byLoose.get(looseName(name));
    return actual === undefined || actual.includes('"') ? null : keyPath([actual]);
  };
}

/** Every distinct JSON path the rules read, in order; rules refer to them by 1-based position. */
export class PathList {
  readonly paths: string[] = [];
  index(path: string): number {
    let i = this.paths.indexOf(path);
    if (i < 0) i = this.paths.push(path) - 1;
    return i + 1;
  }
  /** The list to bind: never empty (a multi-path extract needs at least one path). */
  get bound(): DuckDBValue {
    return listValue(this.paths.length ? this.paths : ['$."-"']);
  }
}

export function ruleValue(
  rule: FieldRule | undefined,
  resolve: (n: string) => string | null,
  paths: PathList,
): DuckDBValue {
  const r = typeof rule === 'string' ? { column: rule } : (rule ?? {});
  const names = r.concat ?? (r.column === undefined ? [] : Array.isArray(r.column) ? r.column : [r.column]);
  const idx = names
    .map(resolve)
    .filter((p): p is string => p !== null)
    .map((p) => paths.index(p));
  const values = Object.entries(r.values ?? {});
  // A pattern without a capture group keeps its whole match.
  const re = r.regex === undefined ? null : /\((?!\?)/.test(r.regex) ? r.regex : `(${r.regex})`;
  return structValue({
    idx: listValue(idx),
    sep: r.concat ? '|' : null,
    re,
    keys: listValue(values.map(([k]) => k.toLowerCase())),
    vals: listValue(values.map(([, v]) => v ?? '')),
    dflt: r.default ?? null,
  });
}

/** The column names a rule reads. */
export function ruleColumns(rule: FieldRule | undefined): string[] {
  const r = typeof rule === 'string' ? { column: rule } : (rule ?? {});
  return r.concat ?? (r.column === undefined ? [] : [r.column].flat());
}

/** Columns of the file no rule reads (reported as extras, like canonical ingest does). */
function unusedColumns(header: string[], plan: FormatPlan): string[] {
  const used = new Set<string>();
  for (const rule of Object.values(plan.rules)) for (const n of ruleColumns(rule)) used.add(looseName(n));
  return header.filter((h) => !used.has(looseName(h)));
}

/**
 * Fills `staged` (one row per call) from a dialer file: read every record as JSON, apply the
 * plan's rules (format_map.sql), run its format-specific steps, fold rows into calls. Returns
 * what was folded, by reason, the columns no rule used, and a CSV's columns as read (its header
 * as the reader named them, or the layout of a headerless one; null for JSON): each record's
 * keys, in order.
 */
export async function stageMapped(
  con: DuckDBConnection,
  path: string,
  plan: FormatPlan,
  limits: { maxLine: number; buffer: number } = { maxLine: 2 * 1048576, buffer: 32 * 1048576 },
  /** Marks rows with over-long values on `mapped` before folding (ingest-file.ts). */
  beforeFoldCheck: () => Promise<void> = async () => undefined,
  /** A JSON file's layout (sniff.ts jsonLayout). */
  layout: JsonLayout = 'unstructured',
): Promise<{ notes: FoldNote[]; extras: string[]; dates: MessagePart | null; header: string[] | null }> {
  await con.run(sqlText('format_prepare'));
  const reader = plan.reader;
  let header: string[] | null = null;
  if (reader.kind === 'json') {
    await con.run(sqlText('format_read_json'), { path, layout });
  } else {
    const dialect = {
      path,
      delim: reader.delimiter,
      quote: reader.quote,
      escape: reader.escape,
      max_line: limits.maxLine,
      buffer: limits.buffer,
    };
    if (reader.names) {
      await con.run(
        sqlText('format_read_csv_names'),
        { ...dialect, names: listValue(reader.names) },
        { names: LIST(VARCHAR) },
      );
      header = reader.names;
    } else {
      const skip = reader.skipLines ?? 0;
      header = (await con.runAndReadAll(sqlText('format_header_csv'), { ...dialect, skip })).columnNames();
      await con.run(sqlText('format_read_csv'), { ...dialect, skip, first_line: skip + 2 });
    }
  }
  const resolve = resolver(header);
  const params: Record<string, DuckDBValue> = {};
  const types: Record<string, typeof RULE | typeof OPTS | ReturnType<typeof LIST>> = {};
  const paths = new PathList();
  for (const col of MAPPED_COLUMNS) {
    params[col] = ruleValue(plan.rules[col], resolve, paths);
    types[col] = RULE;
  }
  params.paths = paths.bound;
  types.paths = LIST(VARCHAR);
  params.opts = structValue({
    answered_when_answer_time: plan.answeredWhenAnswerTime ?? false,
    system_causes: listValue((plan.systemHangupCauses ?? []).map((c) => c.toUpperCase())),
    inbound_answered_at_start: plan.inboundWhenAnsweredAtStart ?? false,
    date_format: plan.dateFormat ?? null,
  });
  types.opts = OPTS;
  await con.run(renderEach(sqlText('format_map'), { rule: MAPPED_COLUMNS }), params, types);
  const dates = await settleDates(con, 'mapped', plan.dateFormat, plan.dateOrder);
  await beforeFoldCheck();
  for (const step of plan.beforeFold ?? []) await con.run(sqlText(step));
  await con.run(sqlText('format_fold_count'), { fold_reason: plan.foldReason ?? 'rows of one call' });
  // Most files have one row per call: then the ranking windows of format_fold are not needed.
  const [{ merging }] = await Database.all<{ merging: boolean }>(con, sqlText('format_fold_needed'));
  await con.run(sqlText(merging ? 'format_fold' : 'format_fold_single'));
  if (reader.kind === 'csv') await con.run(sqlText('format_read_rejects'));
  for (const step of plan.afterFold ?? []) await con.run(sqlText(step));
  const notes = (await Database.all(con, sqlText('format_fold_notes'))).map((r) => ({
    reason: String(r.reason),
    rows: Number(r.rows),
  }));
  return {
    notes,
    extras: header && reader.kind === 'csv' && !reader.names ? unusedColumns(header, plan) : [],
    dates,
    header,
  };
}
