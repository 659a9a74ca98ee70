/**
 * Hangup Insight statistics: pure functions, no I/O, no database. Import from here.
 *
 * Conventions shared by every module:
 * - Input counts are {events, n} (hang-ups out of calls). Impossible input (events > n, negative
 *   or non-finite counts, mismatched array shapes, negative weights or times) throws RangeError:
 *   that is a bug upstream. Legitimate edge cases never throw.
 * - NaN means "not estimable from these data": n = 0, no informative stratum, fewer than two
 *   arms/groups, a variance of zero where the formula needs it. JSON.stringify turns NaN into
 *   null, so the API sees null; render it as "—" with the reason, never as 0.
 * - null (typed number | null) means "exists but not reached in the data": Kaplan–Meier median
 *   and its limits when the curve never falls to 0.5, and the shrinkage prior under 'pooled'.
 * - When every call has the same outcome (0 events or all events), observed rates are identical,
 *   so tests report statistic 0 and p = 1 rather than 0/0.
 * - Strata, arms or groups that carry no information are skipped AND reported (strataSkipped,
 *   skippedIndices, droppedArms, emptyGroups, missingStrata, coverage), never silently dropped.
 * - Rates are proportions in [0, 1]; differences are arm − control (or p1 − p2); lower hang-up
 *   rate is better wherever a direction matters (Bayesian "better", P(best), default MDE).
 * - 95% intervals use z = Φ⁻¹(0.975) = 1.959963984540054 unless a z is passed.
 */
export * from './counts';
export * from './lentz';
export * from './gamma';
export * from './beta-function';
export * from './normal';
export * from './chi-square';
export * from './beta-distribution';
export * from './quadrature';
export * from './linear-algebra';
export * from './wilson';
export * from './newcombe';
export * from './proportion-tests';
export * from './multiple-testing';
export * from './srm';
export * from './bayes-beta';
export * from './sequential';
export * from './cmh';
export * from './breslow-day';
export * from './generalized-cmh';
export * from './standardise';
export * from './kaplan-meier';
export * from './log-rank';
export * from './shrinkage';
export * from './sample-size';
