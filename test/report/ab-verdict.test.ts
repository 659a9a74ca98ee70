import { describe, expect, it } from 'vitest';
import { MIN_ANSWERED, verdictOf } from '../../server/analysis/ab.ts';

describe('one verdict per arm (server/analysis/ab.ts verdictOf)', () => {
  it('adjusted: an odds ratio below 1 with adjusted p < 0.05 is better, above 1 worse', () => {
    expect(verdictOf('adjusted', 500, 500, 0.88, 0.8, 0.96, 0.004, 12)).toMatchObject({
      verdict: 'better',
      analysis: 'adjusted',
      measure: 'odds_ratio',
      estimate: 0.88,
    });
    expect(verdictOf('adjusted', 500, 500, 1.3, 1.1, 1.5, 0.01, 12).verdict).toBe('worse');
  });

  it('no evidence yet when the adjusted p is not below 0.05, whatever the point estimate', () => {
    expect(verdictOf('adjusted', 500, 500, 0.72, 0.53, 0.97, 0.0786, 12).verdict).toBe('no_evidence');
    expect(verdictOf('crude', 500, 500, -0.02, -0.05, 0.01, 0.2).verdict).toBe('no_evidence');
  });

  it('crude: the sign of the difference (arm − control hang-up rate) decides', () => {
    expect(verdictOf('crude', 500, 500, -0.05, -0.08, -0.02, 0.001)).toMatchObject({
      verdict: 'better',
      measure: 'difference',
    });
    expect(verdictOf('crude', 500, 500, 0.05, 0.02, 0.08, 0.001).verdict).toBe('worse');
  });

  it('too few: under the minimum answered calls in the arm or the control, or no usable stratum', () => {
    expect(verdictOf('crude', MIN_ANSWERED - 1, 500, -0.3, -0.5, -0.1, 0.0001).verdict).toBe('too_few');
    expect(verdictOf('crude', 500, MIN_ANSWERED - 1, -0.3, -0.5, -0.1, 0.0001).verdict).toBe('too_few');
    expect(verdictOf('adjusted', 500, 500, 0.5, 0.3, 0.8, 0.0001, 0).verdict).toBe('too_few');
    expect(verdictOf('adjusted', 500, 500, NaN, NaN, NaN, NaN, 3)).toMatchObject({
      verdict: 'too_few',
      estimate: null,
    });
  });
});
