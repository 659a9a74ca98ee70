import { Database } from '../db/database.ts';
import { BLOB, BOOLEAN, type DuckDBConnection, LIST, VARCHAR, blobValue, listValue } from '@duckdb/node-api';
import { sqlText } from '../db/sql-files.ts';
import { hmacPads, loadCalleeKey } from './callee-key.ts';
import { looseName } from './formats/csv-line.ts';
import { PathList, resolver, RULE, ruleValue } from './formats/stage-mapped.ts';
import { part, renderIngestMessage, type MessagePart } from './message-parts.ts';
import { valueShape } from '../contract/value-shape.ts';

export type DimensionKind = 'dim_scripts' | 'dim_caller_numbers' | 'dim_customers';

/** Accepted header spellings per role (compared loosely: case, spaces, underscores). */
const ROLES: Record<DimensionKind, { k: string[]; a: string[]; b: string[]; c: string[] }> = {
  // c: the A/B control flag (`control: true` picks the default control of /api/ab).
  dim_scripts: {
    k: ['script_id'],
    a: ['campaign'],
    b: ['opening_line', 'opening_line_text', 'text', 'script_text', 'opening'],
    c: ['control', 'is_control'],
  },
  dim_caller_numbers: {
    k: ['caller_number'],
    a: ['number_tag'],
    b: [],
    c: ['from_date', 'valid_from', 'effective_from', 'from'],
  },
  dim_customers: {
    k: ['callee_id', 'phone', 'callee_phone'],
    a: ['segment'],
    b: ['age_band', 'ageband', 'age'],
    c: [],
  },
};

export interface DimensionResult {
  rowsRead: number;
  stored: number;
  duplicates: number;
  rejected: number;
  message: string;
  /** `message` keyed: the kind's effect, then the refused rows' reasons when there are any. */
  messageParts: MessagePart[];
}

/**
 * Loads a dimension file (already read into `raw` by format_read_csv) and re-derives the stored
 * call columns it describes. Why re-derive on load rather than join at query time: number_tag,
 * segment and age_band are filters of every metric query (WHERE clauses of server/semantic/sql.ts) and are
 * stored so those queries stay single-table scans; dimension files are small and rare, so paying
 * at load time (an UPDATE of the affected calls) is cheap, and calls ingested later get the same
 * treatment (applyDimensionsToIngest). Free-form customer attributes are the exception: they are
 * joined at query time (breakdown_attribute.sql) because their names are not known in advance.
 */
export async function loadDimension(
  con: DuckDBConnection,
  kind: DimensionKind,
  header: string[],
  ingestId: number,
  dataDir: string,
): Promise<DimensionResult> {
  const roles = ROLES[kind];
  const find = (names: string[]) => {
    const wanted = new Set(names.map(looseName));
    const actual = header.find((h) => wanted.has(looseName(h)));
    return actual;
  };
  const paths = new PathList();
  const resolve = resolver(header);
  // One role may be spelled several ways; the first spelling present in the header is read.
  const rule = (names: string[]) => ruleValue({ column: find(names) ? [find(names)!] : [] }, resolve, paths);
  const rules = { k: rule(roles.k), a: rule(roles.a), b: rule(roles.b), c: rule(roles.c) };
  await con.run(
    sqlText('dim_stage'),
    {
      ...rules,
      paths: paths.bound,
      require_a: kind === 'dim_caller_numbers',
      c_is_date: kind === 'dim_caller_numbers',
    },
    { k: RULE, a: RULE, b: RULE, c: RULE, paths: LIST(VARCHAR), require_a: BOOLEAN, c_is_date: BOOLEAN },
  );
  const [counts] = await Database.all<Record<string, unknown>>(con, sqlText('dim_counts'), {
    with_c: kind === 'dim_caller_numbers',
  });
  const rowsRead = Number(counts!.rowsRead);
  const rejected = Number(counts!.rejected);
  const stored = Number(counts!.stored);
  const id = { ingest_id: ingestId };
  if (kind === 'dim_scripts') {
    await con.run(sqlText('dim_scripts_load'), id);
  } else if (kind === 'dim_caller_numbers') {
    await con.run(sqlText('dim_numbers_keep_cdr_tag'));
    await con.run(sqlText('dim_numbers_replace'));
    await con.run(sqlText('dim_numbers_load'), id);
    await con.run(sqlText('dim_numbers_apply'), { ingest_id: null }, { ingest_id: VARCHAR });
  } else {
    const { ipad, opad } = hmacPads(loadCalleeKey(dataDir));
    const pads = { ipad: blobValue(ipad), opad: blobValue(opad) };
    await con.run(sqlText('dim_customers_load'), { ...id, ...pads }, { ipad: BLOB, opad: BLOB });
    const used = [roles.k, roles.a, roles.b].map(find).filter((h): h is string => !!h);
    await con.run(
      sqlText('dim_customer_attrs_load'),
      { ...id, ...pads, used: listValue(used) },
      { ipad: BLOB, opad: BLOB, used: LIST(VARCHAR) },
    );
    await con.run(sqlText('dim_customers_apply'), { ingest_id: null }, { ingest_id: VARCHAR });
  }
  const messageParts = [part(kind, { stored })]; // each kind is its own code
  // Refused rows by reason, each its own part so the page can say it in the reader's language.
  const n = (k: string) => Number(counts![k] ?? 0);
  if (n('keyMissing')) messageParts.push(part('dim_refused_key', { n: n('keyMissing') }));
  if (n('tagMissing')) messageParts.push(part('dim_refused_tag', { n: n('tagMissing') }));
  if (n('badDates'))
    // The example by its shape: a from_date that is not a date can be any cell (a shifted column's number).
    messageParts.push(
      part('dim_refused_date', { n: n('badDates'), example: valueShape(String(counts!.badDateExample)) }),
    );
  return {
    rowsRead,
    stored,
    rejected,
    duplicates: rowsRead - rejected - stored,
    message: renderIngestMessage(messageParts),
    messageParts,
  };
}

/** Gives the calls of a fresh CDR ingest the tags and segments the dimension tables know. */
export async function applyDimensionsToIngest(con: DuckDBConnection, ingestId: number): Promise<void> {
  await con.run(sqlText('calls_keep_cdr_tag'), { ingest_id: ingestId });
  await con.run(sqlText('dim_numbers_apply'), { ingest_id: ingestId });
  await con.run(sqlText('dim_customers_apply'), { ingest_id: ingestId });
}
