import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of every page, NFKC-normalised. Why NFKC: Chromium's PDF backend writes the Noto CJK
 * glyphs as Type 3 fonts whose ToUnicode map picks the first code point of a shared glyph, so
 * some ideographs come out as their Kangxi-radical twins (U+2F00 block, e.g. 比 as ⽐). The page
 * shows the right character; NFKC maps the twins back for searching.
 */
export async function pdfText(data: Uint8Array): Promise<{ pages: string[]; raw: string[] }> {
  const doc = await getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const raw: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    raw.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return { pages: raw.map((p) => p.normalize('NFKC')), raw };
}
