import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../server/report/csv.ts';
import { neutralizeFormula } from '../../server/report/sanitize.ts';

describe('formula neutralisation', () => {
  it.each(['=1+1', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")'])('prefixes %j', (s) => {
    expect(neutralizeFormula(s)).toBe(`'${s}`);
  });
  it.each(['A', '1-2', ' =1', '（空）', '2026-09-14', ''])('leaves %j alone', (s) => {
    expect(neutralizeFormula(s)).toBe(s);
  });

  it('writes CSV text neutralised and quoted, numbers as numbers', () => {
    const csv = renderCsv(
      [
        {
          id: 't',
          name: 't',
          title: 'T',
          columns: [
            { header: 'a', fmt: 'text' },
            { header: 'b', fmt: 'num' },
          ],
          rows: [
            ['=1,2', -0.5],
            ['say "hi"', null],
          ],
        },
      ],
      'en',
    );
    expect(csv.toString('utf8')).toBe('\uFEFFT\r\na,b\r\n"\'=1,2",-0.5\r\n"say ""hi""",\r\n');
  });
});
