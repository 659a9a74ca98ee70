import { DOUBLE, INTEGER, VARCHAR } from '@duckdb/node-api';
import type { BoundParams, ParamType } from '../semantic/dialect.ts';
import type { Params, Types } from './database.ts';

// Dates travel as text: the DuckDB dialect casts the placeholder ($from::DATE).
const TYPES: Record<ParamType, Types[string]> = { text: VARCHAR, date: VARCHAR, double: DOUBLE, integer: INTEGER };

/** The semantic layer's neutral parameters as @duckdb/node-api values and types. */
export function duckParams(p: BoundParams): { params: Params; types: Types } {
  const params: Params = {};
  const types: Types = {};
  for (const [name, { type, value }] of Object.entries(p)) {
    params[name] = value;
    types[name] = TYPES[type];
  }
  return { params, types };
}
