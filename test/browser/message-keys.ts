import type { Page } from 'playwright-core';
import { analysisEn } from '../../web/src/lib/messages/analysis.en.ts';
import { dataEn } from '../../web/src/lib/messages/data.en.ts';
import { en } from '../../web/src/lib/messages/en.ts';
import { overviewEn } from '../../web/src/lib/messages/overview.en.ts';
import { signinEn } from '../../web/src/lib/messages/signin.en.ts';

// Every key of every message module, core and lazily registered: translate() shows a key whose
// module was not registered as the key itself, so a key on screen means a missing import.
const KEYS = [en, analysisEn, dataEn, signinEn, overviewEn].flatMap((m) => Object.keys(m));

/** The message keys the page shows as text (visible text and attribute-borne labels). */
export async function rawMessageKeys(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[aria-label],[title],[placeholder]')].flatMap((e) =>
      ['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a) ?? ''),
    );
    return [document.body.innerText, document.title, ...attrs].join('\n');
  });
  return KEYS.filter((k) => new RegExp(`(^|[^\\w.])${k.replace(/\./g, '\\.')}($|[^\\w.])`).test(text));
}
