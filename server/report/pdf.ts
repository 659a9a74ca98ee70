/**
 * PDF: the report's HTML printed by the system Chromium through playwright-core (never a
 * downloaded browser). A4, page numbers in the footer, CJK text from the system's Noto CJK fonts,
 * with the text layer repaired so Chinese can be searched and copied (pdf-text-fix.ts).
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { FONT_STACK } from './charts.ts';
import { dict, type Lang } from './i18n.ts';
import { fixPdfToUnicode } from './pdf-text-fix.ts';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const INSTALL_HINT = 'apt-get install -y chromium fonts-noto-cjk';

/** No usable Chromium: the PDF cannot be made, the other formats still can. */
export class ChromiumMissingError extends Error {
  constructor(path: string, cause?: string) {
    super(
      `PDF export needs Chromium, but ${cause ? `it could not be started from ${path} (${cause})` : `none was found at ${path}`}. ` +
        `Install it with: ${INSTALL_HINT} (or set CHROMIUM_PATH to a Chromium binary).`,
    );
    this.name = 'ChromiumMissingError';
  }
}

// Flags from ../shared/STACK.md: without the background-networking ones Chromium floods this
// closed network with refused connections. Playwright adds a fresh --user-data-dir itself.
// The browser tests launch Chromium with the same flags.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PdfOptions {
  executablePath?: string;
  lang: Lang;
  /** Shown at the left of the footer, e.g. "Weekly hang-up report 2026-W38". */
  footerTitle: string;
}

// One Chromium at a time: each print takes a few hundred MB and most of a core.
let queue: Promise<unknown> = Promise.resolve();

export function renderPdf(htmlText: string, o: PdfOptions): Promise<Buffer> {
  const run = queue.then(() => printNow(htmlText, o));
  queue = run.catch(() => undefined);
  return run;
}

async function printNow(htmlText: string, o: PdfOptions): Promise<Buffer> {
  const path = o.executablePath || DEFAULT_CHROMIUM;
  if (!existsSync(path)) throw new ChromiumMissingError(path);
  let browser;
  try {
    browser = await chromium.launch({ executablePath: path, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
  } catch (err) {
    throw new ChromiumMissingError(path, (err instanceof Error ? err.message : String(err)).split('\n')[0]);
  }
  try {
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
    const page = await context.newPage();
    // Belt and braces: the HTML references nothing, and nothing may be fetched if it ever did.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(htmlText, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const page_ = dict(o.lang).page;
    const label =
      o.lang === 'zh'
        ? `${page_} <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页`
        : `${page_} <span class="pageNumber"></span> of <span class="totalPages"></span>`;
    const footer = `<div style="font-family: ${FONT_STACK.replace(/"/g, "'")}; font-size: 7.5pt; color: #6b7783; width: 100%; padding: 0 14mm; display: flex; justify-content: space-between;">
<span>${escapeText(o.footerTitle)}</span><span>${label}</span></div>`;
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: footer,
      margin: { top: '14mm', right: '0', bottom: '16mm', left: '0' },
    });
    // Chinese search and copy: see pdf-text-fix.ts.
    return fixPdfToUnicode(Buffer.from(pdf));
  } finally {
    await browser.close();
  }
}

const escapeText = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
