/**
 * Dimensions of the semantic layer: what a breakdown or heatmap can group by, the stored column
 * behind each (the allow-list: nothing else ever reaches SQL as an identifier), and which request
 * filter restricts it. Pure data, shared with the web app through server/contract/.
 */
import { DIMENSION_COLUMNS, type Dimension, type Filters } from '../contract/filters.ts';
import type { Label } from './measures.ts';

export type ListFilterKey = 'campaign' | 'script' | 'segment' | 'numberTag' | 'agent';

export interface DimensionDef {
  key: Dimension;
  column: (typeof DIMENSION_COLUMNS)[Dimension];
  labelKey: string;
  label: Label;
  /** The list filter of the request that restricts this column (null: not filterable). */
  filter: ListFilterKey | null;
}

const def = (key: Dimension, filter: ListFilterKey | null, en: string, zh: string): DimensionDef => ({
  key, column: DIMENSION_COLUMNS[key], labelKey: `dim.${key}`, label: { en, zh }, filter,
});

export const DIMENSIONS: Record<Dimension, DimensionDef> = {
  hour: def('hour', null, 'Hour of day', '时段'),
  weekday: def('weekday', null, 'Weekday', '星期'),
  date: def('date', null, 'Date', '日期'),
  campaign: def('campaign', 'campaign', 'Campaign', '活动'),
  script: def('script', 'script', 'Opening line', '开场白'),
  segment: def('segment', 'segment', 'Segment', '客群'),
  age_band: def('age_band', null, 'Age band', '年龄段'),
  number_tag: def('number_tag', 'numberTag', 'Number tag', '号码标记'),
  caller_number: def('caller_number', null, 'Caller number', '外显号码'),
  agent: def('agent', 'agent', 'Agent', '坐席'),
  nth_call_30d: def('nth_call_30d', null, 'Calls to this callee in 30 days', '30 天内第几次拨打'),
  hangup_cause: def('hangup_cause', null, 'Hang-up cause', '挂断原因'),
  disposition: def('disposition', null, 'How the dial ended', '拨打结果'),
};

/** List filters and the column each restricts (the date range restricts local_date). */
export const FILTER_COLUMNS: Record<ListFilterKey, string> = {
  campaign: 'campaign', script: 'script_id', segment: 'segment', numberTag: 'number_tag', agent: 'agent_id',
};

/** The stored columns a request's filters read (local_date for from/to). */
export function filterColumnsOf(f: Partial<Filters>): string[] {
  const cols: string[] = [];
  if (f.from || f.to) cols.push('local_date');
  for (const [k, col] of Object.entries(FILTER_COLUMNS)) if ((f[k as ListFilterKey] ?? []).length > 0) cols.push(col);
  return cols;
}
