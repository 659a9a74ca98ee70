import { describe, expect, it } from 'vitest';
import { csvDocument, csvField } from '../../server/contract/csv.ts';
import { renderCsv } from '../../server/report/csv.ts';
import { toCsv } from '../../web/src/lib/csv.ts';

const ATTACKS = ["+cmd|' /C calc'!A0", '=HYPERLINK("http://evil")', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];

/** The cells of a CSV text, parsed the way a spreadsheet does (RFC 4180 quotes). */
function cells(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === '\n') {
      out.push(cur);
      cur = '';
    } else if (ch !== '\r') cur += ch;
  }
  if (cur) out.push(cur);
  return out.map((c) => c.replace(/^\uFEFF/, ''));
}

describe('the one CSV writer', () => {
  it('neutralises every formula prefix = + - @ tab CR and leaves numbers alone', () => {
    for (const a of ATTACKS) expect(csvField(a).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    expect(csvField(-5)).toBe('-5');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvDocument([['x'], [1]])).toBe('\uFEFFx\r\n1\r\n');
  });

  it('dashboard downloads (web/src/lib/csv.ts) write no live formula', () => {
    const cols = [
      { key: 'k', label: '=label', kind: 'text', value: (r: { k: string; n: number }) => r.k },
      { key: 'n', label: 'n', kind: 'int', value: (r: { k: string; n: number }) => r.n },
    ] as never;
    const text = toCsv(
      cols,
      ATTACKS.map((k, i) => ({ k, n: -i - 0.1234567 })),
    );
    const all = cells(text);
    expect(all.filter((c) => /^[=+\-@\t\r]/.test(c) && Number.isNaN(Number(c)))).toEqual([]);
    expect(all).toContain("'+cmd|' /C calc'!A0");
    expect(all).toContain('-1.123457'); // numbers: 6 places, sign kept
  });

  it('the report CSV (server/report/csv.ts) writes no live formula', () => {
    const body = renderCsv(
      [{ title: '@title', columns: [{ header: '+h' }], rows: ATTACKS.map((a) => [a]), note: '-note' } as never],
      'en',
    ).toString('utf8');
    const all = cells(body);
    expect(all.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(all).toContain("'@title");
  });
});
