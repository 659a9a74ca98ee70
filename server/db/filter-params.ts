import { DOUBLE, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { Filters } from '../contract/filters.ts';
import type { Params, Types } from './database.ts';

/** The bound parameters of the standard filters, as every metric query names them. */
export function filterParams(f: Filters, earlySeconds: number): { params: Params; types: Types } {
  return {
    params: {
      from: f.from ?? null,
      to: f.to ?? null,
      campaign: listValue(f.campaign),
      script: listValue(f.script),
      segment: listValue(f.segment),
      number_tag: listValue(f.numberTag),
      agent: listValue(f.agent),
      early_seconds: earlySeconds,
    },
    types: {
      from: VARCHAR,
      to: VARCHAR,
      campaign: LIST(VARCHAR),
      script: LIST(VARCHAR),
      segment: LIST(VARCHAR),
      number_tag: LIST(VARCHAR),
      agent: LIST(VARCHAR),
      early_seconds: DOUBLE,
    },
  };
}
