// The barrel exposes one public name per function, with no collisions between modules.
import { describe, expect, it } from 'vitest';
import * as stats from '../../server/stats';

describe('server/stats index', () => {
  it('re-exports every public function', () => {
    const expected = [
      'wilsonInterval',
      'newcombeInterval',
      'normalCdf',
      'normalSf',
      'normalQuantile',
      'chiSquareSf',
      'logGamma',
      'regularizedIncompleteBeta',
      'betaPdf',
      'betaLogPdf',
      'betaCdf',
      'betaQuantile',
      'twoProportionZTest',
      'chiSquareIndependence',
      'holmAdjust',
      'benjaminiHochbergAdjust',
      'sampleRatioMismatch',
      'probabilityLower',
      'expectedLoss',
      'probabilityBest',
      'compareArmToControl',
      'alwaysValidDifference',
      'cochranMantelHaenszel',
      'mantelHaenszelOddsRatio',
      'breslowDay',
      'generalizedCmh',
      'standardiseRates',
      'kaplanMeier',
      'survivalAt',
      'logRankTest',
      'shrinkRates',
      'sampleSizeTwoProportions',
      'powerTwoProportions',
      'minimumDetectableEffect',
    ];
    for (const name of expected)
      expect(typeof (stats as Record<string, unknown>)[name], name).toBe('function');
  });
});
