/**
 * The dashboard's English texts use the plain ASCII apostrophe and quotes, as the weekly report does
 * (test/report/english-quotes.test.ts): one way of writing "server's" everywhere, and texts the
 * server also writes (ingest messages) read the same in a terminal. Chinese texts are not checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INGEST_MESSAGES_EN, OFFSET_SOURCES_EN } from '../../server/contract/ingest-messages.en.ts';
import { analysisEn } from '../../web/src/lib/messages/analysis.en.ts';
import { dataEn } from '../../web/src/lib/messages/data.en.ts';
import { en } from '../../web/src/lib/messages/en.ts';
import { overviewEn } from '../../web/src/lib/messages/overview.en.ts';
import { signinEn } from '../../web/src/lib/messages/signin.en.ts';

const CURLY_QUOTE = /[\u2018\u2019\u201C\u201D]/;

describe('no curly quotes or apostrophes in the English dictionaries', () => {
  it('every English text of the dashboard and of the ingest messages', () => {
    const dicts = { en, analysisEn, dataEn, signinEn, overviewEn, INGEST_MESSAGES_EN, OFFSET_SOURCES_EN };
    const texts = Object.entries(dicts).flatMap(([name, d]) =>
      Object.entries(d as Record<string, string>).map(([key, text]) => [`${name}.${key}`, text] as const),
    );
    expect(texts.length).toBeGreaterThan(400);
    expect(texts.filter(([, text]) => CURLY_QUOTE.test(text))).toEqual([]);
  });

  it('the English message files, comments included', () => {
    const dir = join(import.meta.dirname, '../../web/src/lib/messages');
    const files = readdirSync(dir)
      .filter((f) => f === 'en.ts' || f.endsWith('.en.ts'))
      .map((f) => join(dir, f));
    files.push(join(import.meta.dirname, '../../server/contract/ingest-messages.en.ts'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    const offending = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => [`${f}:${i + 1}`, line] as const)
        .filter(([, line]) => CURLY_QUOTE.test(line)),
    );
    expect(offending).toEqual([]);
  });
});
