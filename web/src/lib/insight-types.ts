// Response shapes of the statistics routes: defined once in server/contract/insights.ts.
export * from '../../../server/contract/insights.ts';
