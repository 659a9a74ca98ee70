// Response shapes of the API: defined once on the server (server/contract/, derived from the
// semantic layer in server/semantic/measures.ts) and re-exported here so web imports stay put.
export type { Dimension, Filters } from '../../../server/contract/filters.ts';
export type {
  BreakdownResponse,
  BreakdownRow,
  CountFields,
  DataWarning,
  DimensionValue,
  Dimensions,
  Headline,
  HeadlineReason,
  HeatCell,
  HeatmapResponse,
  Health,
  MetricFields,
  Rate,
  RateFields,
  RateRow,
  ShrunkFields,
  Summary,
} from '../../../server/contract/metrics.ts';
export type { Ingest } from '../../../server/contract/ingests.ts';
// The statistics routes: /api/ab, /api/survival, /api/recommendations.
export * from './insight-types.ts';
