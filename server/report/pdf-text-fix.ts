/**
 * Repairs the text layer of Chromium's PDFs for Chinese. Skia writes each font's ToUnicode map
 * from the font's cmap, taking the lowest code point that maps to a glyph. Noto CJK (like most
 * CJK fonts) shares glyphs between ideographs and the CJK radical blocks (U+2E80–U+2FDF), so 比
 * is written as ⽐ and 页 as ⻚: the page looks right, but search and copy give the radicals.
 * Here every ToUnicode map is rewritten to use the ideograph that shares the radical's glyph in
 * the font that printed it, and the cross-reference table is moved to match. Anything
 * unexpected leaves the PDF as it was.
 */
import { execFileSync } from 'node:child_process';
import { deflateSync, inflateSync } from 'node:zlib';
import { eachCmapEntry } from './font-cmap.ts';

const isRadical = (cp: number) => cp >= 0x2e80 && cp <= 0x2fdf;
const isIdeograph = (cp: number) =>
  (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x3ffff);

/** radical -> ideograph drawn with the same glyph, from the faces Chromium uses for CJK text. */
export function radicalMapFromFonts(faces: { file: string; index: number }[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const { file, index } of faces) {
    const radicals = new Map<number, number>(); // glyph -> radical
    const ideographs = new Map<number, number>(); // glyph -> first ideograph
    eachCmapEntry(file, index, (cp, glyph) => {
      if (isRadical(cp)) radicals.set(glyph, cp);
      else if (isIdeograph(cp) && !ideographs.has(glyph)) ideographs.set(glyph, cp);
    });
    for (const [glyph, radical] of radicals) {
      const ideograph = ideographs.get(glyph);
      if (ideograph !== undefined && !map.has(radical)) map.set(radical, ideograph);
    }
  }
  return map;
}

/** Kangxi radicals by NFKC: the fallback when the fonts cannot be read. */
function nfkcRadicalMap(): Map<number, number> {
  const map = new Map<number, number>();
  for (let cp = 0x2f00; cp <= 0x2fd5; cp++) map.set(cp, String.fromCodePoint(cp).normalize('NFKC').codePointAt(0)!);
  return map;
}

let cached: Map<number, number> | null = null;

/** The map for "Noto Sans CJK SC" regular and bold as fontconfig resolves them. */
export function cjkRadicalMap(): Map<number, number> {
  if (cached) return cached;
  try {
    const faces = ['Noto Sans CJK SC', 'Noto Sans CJK SC:bold'].map((pattern) => {
      const [file, index] = execFileSync('fc-match', ['-f', '%{file}|%{index}', pattern], {
        encoding: 'utf8',
        timeout: 5000,
      }).split('|');
      return { file: file!, index: Number(index) || 0 };
    });
    cached = radicalMapFromFonts(faces);
  } catch {
    cached = nfkcRadicalMap();
  }
  return cached;
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

/** Maps the code points of a UTF-16BE hex string, e.g. "2F50" -> "6BD4". */
function remapHex(hex: string, map: Map<number, number>): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  const text = String.fromCharCode(...units);
  let out = '';
  for (const ch of text) out += String.fromCodePoint(map.get(ch.codePointAt(0)!) ?? ch.codePointAt(0)!);
  return Array.from({ length: out.length }, (_, i) => hex4(out.charCodeAt(i))).join('');
}

/** Rewrites one ToUnicode CMap; bfranges are expanded to bfchars so each code maps alone. */
export function fixCmap(cmap: string, map: Map<number, number>): string {
  const first = cmap.search(/\d+\s+begin(bfchar|bfrange)/);
  const lastEnd = Math.max(
    cmap.lastIndexOf('endbfchar') + 'endbfchar'.length,
    cmap.lastIndexOf('endbfrange') + 'endbfrange'.length,
  );
  if (first < 0 || lastEnd < first) return cmap;
  const body = cmap.slice(first, lastEnd);
  const suffix = cmap.slice(lastEnd);
  const pairs: [string, string][] = [];
  for (const m of body.matchAll(/(\d+)\s+beginbfchar([^]*?)endbfchar/g)) {
    for (const e of m[2]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) pairs.push([e[1]!, e[2]!]);
  }
  for (const m of body.matchAll(/(\d+)\s+beginbfrange([^]*?)endbfrange/g)) {
    for (const e of m[2]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(e[1]!, 16),
        hi = parseInt(e[2]!, 16),
        width = e[1]!.length;
      const dsts = e[3]!.startsWith('[') ? [...e[3]!.matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => x[1]!) : null;
      for (let c = lo; c <= hi; c++) {
        const src = c.toString(16).toUpperCase().padStart(width, '0');
        if (dsts) pairs.push([src, dsts[c - lo] ?? '']);
        else {
          // Only the last UTF-16 unit increments across a range.
          const d = e[3]!.slice(1, -1);
          pairs.push([src, d.slice(0, -4) + hex4(parseInt(d.slice(-4), 16) + (c - lo))]);
        }
      }
    }
  }
  let out = cmap.slice(0, first);
  for (let i = 0; i < pairs.length; i += 100) {
    const block = pairs.slice(i, i + 100);
    out += `${block.length} beginbfchar\n${block.map(([s, d]) => `<${s}> <${remapHex(d, map)}>`).join('\n')}\nendbfchar\n`;
  }
  return out + suffix.replace(/^\n/, '');
}

/**
 * Applies fixCmap to every ToUnicode stream of a PDF with a classic cross-reference table (what
 * Skia writes) and shifts the table's offsets. Returns the input unchanged when nothing needs
 * fixing or the file is not laid out as expected.
 */
export function fixPdfToUnicode(pdf: Buffer, map: Map<number, number> = cjkRadicalMap()): Buffer {
  const text = pdf.toString('latin1');
  const ids = new Set([...text.matchAll(/\/ToUnicode (\d+) 0 R/g)].map((m) => Number(m[1])));
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (ids.size === 0 || !sx) return pdf;
  const xrefAt = Number(sx[1]);
  const xref = /^xref\n0 (\d+)\n/.exec(text.slice(xrefAt));
  if (!xref) return pdf;
  const count = Number(xref[1]);
  const entriesAt = xrefAt + xref[0].length;
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) offsets.push(Number(text.slice(entriesAt + 20 * i, entriesAt + 20 * i + 10)));

  const edits: { start: number; end: number; bytes: Buffer }[] = [];
  for (const id of ids) {
    const at = offsets[id];
    if (at === undefined) return pdf;
    const head = new RegExp(`^${id} 0 obj\\n<<([^]*?)>> stream\\n`).exec(text.slice(at, at + 400));
    const length = head && /\/Length (\d+)/.exec(head[1]!);
    if (!head || !length || !/\/FlateDecode/.test(head[1]!)) return pdf;
    const dataAt = at + head[0].length;
    const dataEnd = dataAt + Number(length[1]);
    if (!text.startsWith('\nendstream\nendobj\n', dataEnd)) return pdf;
    const cmap = inflateSync(pdf.subarray(dataAt, dataEnd)).toString('latin1');
    const fixed = fixCmap(cmap, map);
    if (fixed === cmap) continue;
    const data = deflateSync(Buffer.from(fixed, 'latin1'));
    const dict = head[1]!.replace(/\/Length \d+/, `/Length ${data.length}`);
    edits.push({
      start: at,
      end: dataEnd,
      bytes: Buffer.concat([Buffer.from(`${id} 0 obj\n<<${dict}>> stream\n`, 'latin1'), data]),
    });
  }
  if (edits.length === 0) return pdf;
  edits.sort((a, b) => a.start - b.start);
  const shift = (offset: number) =>
    edits.reduce((s, e) => (e.end <= offset ? s + e.bytes.length - (e.end - e.start) : s), 0);
  const parts: Buffer[] = [];
  let pos = 0;
  for (const e of edits) {
    parts.push(pdf.subarray(pos, e.start), e.bytes);
    pos = e.end;
  }
  parts.push(pdf.subarray(pos, xrefAt));
  const table = offsets.map((o, i) => {
    const line = text.slice(entriesAt + 20 * i, entriesAt + 20 * i + 20);
    return line[17] === 'n' ? String(o + shift(o)).padStart(10, '0') + line.slice(10) : line;
  });
  const trailer = text.slice(entriesAt + 20 * count, sx.index);
  parts.push(
    Buffer.from(`${xref[0]}${table.join('')}${trailer}startxref\n${xrefAt + shift(xrefAt)}\n%%EOF\n`, 'latin1'),
  );
  return Buffer.concat(parts);
}
