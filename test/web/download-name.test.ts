import { describe, expect, it } from 'vitest';
import { csvName } from '../../web/src/lib/download-name.ts';

const none = { campaign: [], script: [], segment: [], numberTag: [], agent: [] };
const range = { first: '2026-09-07', last: '2026-11-01' };

describe('CSV download names', () => {
  it('<chart>-<from>_<to> with the data range when no dates are picked', () => {
    expect(csvName('segments', none, range)).toBe('segments-2026-09-07_2026-11-01.csv');
  });
  it('the picked dates (to shown inclusive) and the filters', () => {
    expect(
      csvName('heatmap', { ...none, from: '2026-10-01', to: '2026-11-01', segment: ['retired', 'student'] }, range),
    ).toBe('heatmap-2026-10-01_2026-10-31-segment=retired+student.csv');
  });
  it('unsafe characters replaced; long selections say "filtered"', () => {
    expect(csvName('x', { ...none, campaign: ['a/b c'] }, range)).toBe('x-2026-09-07_2026-11-01-campaign=a_b_c.csv');
    expect(csvName('x', { ...none, agent: Array.from({ length: 30 }, (_, i) => `agent${i}`) }, range)).toBe(
      'x-2026-09-07_2026-11-01-filtered.csv',
    );
  });
});
