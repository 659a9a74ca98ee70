import { z } from 'zod';

/** Dimensions a breakdown or heatmap can group by, and the stored column behind each. */
export const DIMENSION_COLUMNS = {
  hour: 'hour',
  weekday: 'weekday',
  date: 'local_date',
  campaign: 'campaign',
  script: 'script_id',
  segment: 'segment',
  age_band: 'age_band',
  number_tag: 'number_tag',
  caller_number: 'caller_number',
  agent: 'agent_id',
  nth_call_30d: 'nth_call_30d',
  hangup_cause: 'hangup_cause',
  disposition: 'disposition',
} as const;
export const DimensionSchema = z.enum(
  Object.keys(DIMENSION_COLUMNS) as [keyof typeof DIMENSION_COLUMNS, ...(keyof typeof DIMENSION_COLUMNS)[]],
);
export type Dimension = z.infer<typeof DimensionSchema>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a real calendar date',
  );

/** A filter value list: repeatable query parameter, each value bounded. */
const values = z.array(z.string().trim().min(1).max(200)).max(200).default([]);

/** The standard filters every metric route takes (README, Metrics); `to` is exclusive. */
export const FiltersSchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    campaign: values,
    script: values,
    segment: values,
    numberTag: values,
    agent: values,
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, {
    message: '`to` must be after `from` (to is exclusive)',
    path: ['to'],
  });
export type Filters = z.infer<typeof FiltersSchema>;

export const FILTER_KEYS = ['from', 'to', 'campaign', 'script', 'segment', 'numberTag', 'agent'] as const;
export const LIST_FILTER_KEYS = ['campaign', 'script', 'segment', 'numberTag', 'agent'] as const;
