import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixCmap, fixPdfToUnicode } from '../../server/report/pdf-text-fix.ts';

const MAP = new Map([
  [0x2f50, 0x6bd4],
  [0x2eda, 0x9875],
]); // ⽐ -> 比, ⻚ -> 页

const CMAP = `/CIDInit /ProcSet findresource begin
begincmap
1 begincodespacerange
<00> <FF>
endcodespacerange
2 beginbfchar
<11> <5916>
<32> <2F50>
endbfchar
1 beginbfrange
<40> <42> <2ED9>
endbfrange
endcmap
end
`;

describe('ToUnicode repair', () => {
  it('maps radicals to the ideographs sharing their glyph and expands ranges', () => {
    const out = fixCmap(CMAP, MAP);
    expect(out).toContain('<32> <6BD4>');
    expect(out).toContain('<11> <5916>');
    // <40>..<42> -> 2ED9, 2EDA, 2EDB: only the middle one is in the map.
    expect(out).toContain('<40> <2ED9>');
    expect(out).toContain('<41> <9875>');
    expect(out).toContain('<42> <2EDB>');
    expect(out).not.toContain('bfrange');
    expect(out).toMatch(/^\/CIDInit[^]*endcodespacerange\n5 beginbfchar\n[^]*endbfchar\nendcmap\nend\n$/);
  });

  it('rewrites the streams of a PDF and moves the cross-reference offsets', () => {
    const stream = deflateSync(Buffer.from(CMAP, 'latin1'));
    const objects = [
      '1 0 obj\n<</Type /Catalog>>\nendobj\n',
      `2 0 obj\n<</Filter /FlateDecode\n/Length ${stream.length}>> stream\n`,
      '3 0 obj\n<</Type /Font /ToUnicode 2 0 R>>\nendobj\n',
    ];
    const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
    const offsets: number[] = [];
    const size = () => parts.reduce((s, p) => s + p.length, 0);
    offsets.push(size());
    parts.push(Buffer.from(objects[0]!, 'latin1'));
    offsets.push(size());
    parts.push(Buffer.from(objects[1]!, 'latin1'), stream, Buffer.from('\nendstream\nendobj\n', 'latin1'));
    offsets.push(size());
    parts.push(Buffer.from(objects[2]!, 'latin1'));
    const xrefAt = size();
    const entries = ['0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join(
      '',
    );
    parts.push(
      Buffer.from(`xref\n0 4\n${entries}trailer\n<</Size 4 /Root 1 0 R>>\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'),
    );
    const pdf = Buffer.concat(parts);

    const fixed = fixPdfToUnicode(pdf, MAP);
    const text = fixed.toString('latin1');
    const newXref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(newXref, newXref + 5)).toBe('xref\n');
    const table = text.slice(newXref).split('\n').slice(2, 6);
    for (const [i, line] of table.entries()) {
      if (i === 0) continue;
      const at = Number(line.slice(0, 10));
      expect(text.slice(at)).toMatch(new RegExp(`^${i} 0 obj\\n`));
    }
    const obj2 = Number(table[2]!.slice(0, 10));
    const m = /^2 0 obj\n<<[^]*?\/Length (\d+)>> stream\n/.exec(text.slice(obj2))!;
    const data = fixed.subarray(obj2 + m[0].length, obj2 + m[0].length + Number(m[1]));
    expect(inflateSync(data).toString('latin1')).toContain('<32> <6BD4>');
    expect(text.slice(obj2 + m[0].length + Number(m[1]))).toMatch(/^\nendstream\nendobj\n3 0 obj/);
  });

  it('leaves a PDF it does not understand unchanged', () => {
    const odd = Buffer.from('%PDF-1.5\n1 0 obj\n<</ToUnicode 2 0 R>>\nendobj\nstartxref\n999\n%%EOF\n', 'latin1');
    expect(fixPdfToUnicode(odd, MAP)).toBe(odd);
  });
});
