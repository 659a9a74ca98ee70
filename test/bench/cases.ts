/**
 * What the benchmark asks: every API endpoint (with the best-case raw SQL for the same numbers
 * where one exists) and every dashboard page's full set of requests, built with the web app's
 * own URL helpers (web/src/lib/api-urls.ts), so a page here asks what the page in the browser asks.
 */
import { DIMENSION_COLUMNS, type Dimension, type Filters } from '../../server/contract/filters.ts';
import { DEFAULT_ADJUST } from '../../web/src/lib/ab.ts';
import { api, ingestApi } from '../../web/src/lib/api-urls.ts';
import { previousPeriod, selectedPeriod } from '../../web/src/lib/period.ts';
import { lastCompleteWeek, reportUrl } from '../../web/src/lib/weeks.ts';

export const NONE: Filters = { campaign: [], script: [], segment: [], numberTag: [], agent: [] };
/** The filtered cases: the last 4 weeks of the generated sample, one campaign. */
export const FILTER = { from: '2026-10-05', to: '2026-11-02', campaign: 'car_renewal' };
export const FILTERED: Filters = { ...NONE, from: FILTER.from, to: FILTER.to, campaign: [FILTER.campaign] };

/**
 * A raw query (test/bench/raw-sql.ts): a queries/bench/bench_raw_*.sql file, its identifier slots,
 * for bench_raw_counts the columns grouped by (none: the summary), whether it takes FILTER.
 */
export interface RawQuery {
  file: string;
  idents?: Record<string, string>;
  group?: string[];
  filtered?: boolean;
}

export interface ApiCase {
  /** Stable id (JSON key, engines answer by it). */
  id: string;
  url: string;
  raw?: RawQuery;
  /** For metric routes: what the semantic planner plans on (grouped columns, filters). */
  plan?: { groups: string[]; filters: Filters };
}

const col = (d: Dimension) => DIMENSION_COLUMNS[d];
const ALL_DIMS = Object.keys(DIMENSION_COLUMNS) as Dimension[];

export function apiCases(): ApiCase[] {
  const cases: ApiCase[] = [
    { id: 'health', url: api.health(), raw: { file: 'bench_raw_count' } },
    { id: 'dimensions', url: api.dimensions(), raw: { file: 'bench_raw_dimensions' } },
    { id: 'summary', url: api.summary(NONE), raw: { file: 'bench_raw_counts' }, plan: { groups: [], filters: NONE } },
    {
      id: 'summary 4w 1 campaign',
      url: api.summary(FILTERED),
      raw: { file: 'bench_raw_counts', filtered: true },
      plan: { groups: [], filters: FILTERED },
    },
    ...ALL_DIMS.map((by) => ({
      id: `breakdown ${by}`,
      url: api.breakdown(by, NONE),
      raw: { file: 'bench_raw_counts', group: [col(by)] },
      plan: { groups: [col(by)], filters: NONE },
    })),
    ...(['segment', 'agent', 'hour'] as Dimension[]).map((by) => ({
      id: `breakdown ${by} 4w 1 campaign`,
      url: api.breakdown(by, FILTERED),
      raw: { file: 'bench_raw_counts', group: [col(by)], filtered: true },
      plan: { groups: [col(by)], filters: FILTERED },
    })),
    ...(
      [
        ['hour', 'weekday'],
        ['hour', 'segment'],
        ['caller_number', 'number_tag'],
        ['script', 'campaign'],
      ] as [Dimension, Dimension][]
    ).map(([x, y]) => ({
      id: `heatmap ${x} x ${y}`,
      url: api.heatmap(x, y, NONE),
      raw: { file: 'bench_raw_counts', group: [col(x), col(y)] },
      plan: { groups: [col(x), col(y)], filters: NONE },
    })),
    {
      id: 'heatmap hour x weekday 4w 1 campaign',
      url: api.heatmap('hour', 'weekday', FILTERED),
      raw: { file: 'bench_raw_counts', group: ['hour', 'weekday'], filtered: true },
      plan: { groups: ['hour', 'weekday'], filters: FILTERED },
    },
    { id: 'ab (page default)', url: api.ab(NONE, { adjust: DEFAULT_ADJUST }), raw: { file: 'bench_raw_ab' } },
    { id: 'ab crude', url: api.ab(NONE, { adjust: [] }), raw: { file: 'bench_raw_ab' } },
    ...(['script', 'segment', 'number_tag', 'agent'] as const).map((by) => ({
      id: `survival ${by}`,
      url: api.survival(by, NONE),
      raw: { file: 'bench_raw_survival', idents: { dim: col(by) } },
    })),
    { id: 'recommendations', url: api.recommendations(NONE), raw: { file: 'bench_raw_recommendations' } },
    { id: 'ingests', url: api.ingests() },
    { id: 'ingest status', url: ingestApi.status() },
  ];
  return cases;
}

/** The weekly report formats measured (PDF needs Chromium and takes seconds: left out). */
export function reportCases(lastDate: string): ApiCase[] {
  const week = lastCompleteWeek(lastDate).label;
  return (['html', 'csv', 'xlsx'] as const).map((format) => ({
    id: `report ${format}`,
    url: reportUrl(week, format, 'zh', NONE),
  }));
}

/**
 * The same URL marked uncached: fetchRetry (server-child.ts) turns the marker into `Cache-Control:
 * no-cache` (routes refuse unknown parameters), so the server's response
 * cache (keyed by the whole query) misses and the request is computed: the uncached figures.
 */
export const uncached = (url: string, n: number) => `${url}${url.includes('?') ? '&' : '?'}bench_run=${n}`;

/** One request of a page; `afterDimensions` ones wait for /api/dimensions (they need its dates). */
export interface PageRequest {
  url: string;
  afterDimensions?: (dims: {
    firstDate: string | null;
    lastDate: string | null;
    segment: { value: string }[];
  }) => string[];
}

export interface Page {
  id: string;
  requests: PageRequest[];
}

/**
 * Every page of web/src/pages with the requests it makes on first load without filters, plus
 * the filter bar's /api/dimensions (App.svelte: on every page). Same URLs are asked once, as the
 * web client's cache does.
 */
export function pages(): Page[] {
  // Every page asks the filter bar's /api/dimensions first; a URL is asked as is.
  const page = (id: string, ...requests: (string | PageRequest)[]): Page => ({
    id,
    requests: [api.dimensions(), ...requests].map((q) => (typeof q === 'string' ? { url: q } : q)),
  });
  return [
    page(
      'overview',
      api.summary(NONE),
      api.breakdown('date', NONE),
      api.breakdown('disposition', NONE),
      api.breakdown('hangup_cause', NONE),
      {
        url: 'previous period summary',
        afterDimensions: (d) => {
          const p = selectedPeriod(NONE, d);
          return p ? [api.summary({ ...NONE, ...previousPeriod(p) })] : [];
        },
      },
    ),
    page('when', api.heatmap('hour', 'weekday', NONE)),
    page('when split=segment', api.heatmap('hour', 'weekday', NONE), {
      url: 'heatmap per segment',
      afterDimensions: (d) => d.segment.map((s) => api.heatmap('hour', 'weekday', { ...NONE, segment: [s.value] })),
    }),
    page(
      'segments',
      api.summary(NONE),
      api.breakdown('segment', NONE),
      api.breakdown('age_band', NONE),
      api.heatmap('hour', 'segment', NONE),
    ),
    page(
      'scripts',
      api.ab(NONE, { adjust: DEFAULT_ADJUST }),
      api.survival('script', NONE),
      api.health(),
      api.heatmap('script', 'campaign', NONE),
    ),
    page(
      'numbers',
      api.heatmap('caller_number', 'number_tag', NONE),
      api.breakdown('number_tag', NONE),
      api.breakdown('caller_number', NONE),
    ),
    page('agents', api.summary(NONE), api.breakdown('agent', NONE)),
    page('insights', api.recommendations(NONE)),
    page('frequency', api.breakdown('nth_call_30d', NONE)),
    page('reports', {
      url: 'weekly report preview',
      afterDimensions: (d) => (d.lastDate ? [reportUrl(lastCompleteWeek(d.lastDate).label, 'html', 'zh', NONE)] : []),
    }),
    page('data', api.health(), api.ingests(), ingestApi.status()),
  ];
}
