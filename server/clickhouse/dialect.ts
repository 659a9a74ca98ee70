import { wilsonExpr, type Dialect, type ParamType } from '../semantic/dialect.ts';

/** ClickHouse types of the semantic layer's parameter types ({name:Type} placeholders). */
export const CLICKHOUSE_TYPES: Record<ParamType, string> = {
  text: 'String',
  date: 'Date',
  double: 'Float64',
  integer: 'Int64',
};

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The ClickHouse spelling of the metric SQL, valid on 18.16 and on current releases alike:
 * `countIf`, `{name:Type}` placeholders (query parameters, or literals via bind.ts on 18.x),
 * `if(n > 0, …, NULL)` rates, `toDate/toHour/toDayOfWeek` with a zone. Counts are Int64, sent
 * as JSON numbers (engine.ts READ_SETTINGS). Booleans are stored as UInt8 flags.
 */
export const clickhouse: Dialect = {
  name: 'clickhouse',
  ident: (name) => {
    if (!IDENT.test(name)) throw new Error(`bad identifier ${JSON.stringify(name)}`);
    return `\`${name}\``;
  },
  param: (name, type) => {
    if (!IDENT.test(name)) throw new Error(`bad parameter name ${JSON.stringify(name)}`);
    return `{${name}:${CLICKHOUSE_TYPES[type]}}`;
  },
  countAll: () => 'toInt64(count())',
  countIf: (c) => `toInt64(countIf(${c}))`,
  // sum over no rows is 0 in ClickHouse (not NULL as in SQL).
  sumCount: (col) => `toInt64(sum(${col}))`,
  rate: (k, n) => `if(${n} > 0, toFloat64(${k}) / ${n}, NULL)`,
  wilsonLow: (k, n) => wilsonExpr(k, n, '-', (x) => `toFloat64(${x})`),
  wilsonHigh: (k, n) => wilsonExpr(k, n, '+', (x) => `toFloat64(${x})`),
  // min/max of a Date over no rows is day 0 (1970-01-01, shown as 0000-00-00 by 18.x), not NULL;
  // no call is dated 1970-01-01 (zero dates are read as "no time" at ingest), so day 0 is NULL.
  formatDate: (e) => `if(toUInt16(${e}) = 0, NULL, toString(${e}))`,
  toText: (e) => `toString(${e})`,
  localDate: (ts, zone) => `toDate(${ts}, ${zone})`,
  localHour: (ts, zone) => `toHour(${ts}, ${zone})`,
  isoWeekday: (ts, zone) => `toDayOfWeek(${ts}, ${zone})`,
  orderNullsLast: (e) => `${e} ASC NULLS LAST`,
  inList: (e, ps) => (ps.length === 1 ? `${e} = ${ps[0]}` : `${e} IN (${ps.join(', ')})`),
};
