import { describe, expect, it } from 'vitest';
import { buildIntervalPlot, type IntervalRow } from '../../web/src/lib/charts/intervals.ts';
import { excerpt, scriptTextColumns, withExcerpt } from '../../web/src/lib/script-text.ts';
import { int, pct } from './fixtures.ts';

const ZH = '您好，我是XX银行的客户经理，耽误您一分钟，给您介绍一款低息贷款。';
const EN = 'Hello, this is Anna from XX Bank: do you have a minute for a lower rate?';

describe('an opening line named with its text', () => {
  it('cuts a long text to a sane length, by character, with an ellipsis', () => {
    expect(excerpt(ZH)).toBe('您好，我是XX银行的客户经理，耽误您一分钟，给…');
    expect(Array.from(excerpt(ZH))).toHaveLength(24);
    // Latin text is cut between words.
    expect(excerpt(EN)).toBe('Hello, this is Anna…');
    expect(excerpt(EN, 30)).toBe('Hello, this is Anna from XX…');
    expect(excerpt('Short line')).toBe('Short line');
    expect(excerpt('  two\n lines  ')).toBe('two lines');
  });

  it('names a menu option "Line A — <excerpt>", or just "Line A" when no text is stored', () => {
    expect(withExcerpt('Line B', EN)).toBe('Line B — Hello, this is Anna…');
    expect(withExcerpt('话术 A', ZH).startsWith('话术 A — 您好，我是XX银行')).toBe(true);
    expect(withExcerpt('Line C', null)).toBe('Line C');
    expect(withExcerpt('Line C', '')).toBe('Line C');
  });

  it('adds the full text as a prose column (under each row) only when a row has one', () => {
    const texts: Record<string, string> = { A: ZH };
    const rows = [{ script: 'A' }, { script: 'C' }];
    const cols = scriptTextColumns('Wording', (r: { script: string }) => texts[r.script] ?? null, rows);
    expect(cols).toHaveLength(1);
    expect(cols[0]!.prose).toBe(true);
    expect(rows.map((r) => cols[0]!.value(r))).toEqual([ZH, null]);
    expect(scriptTextColumns('Wording', () => null, rows)).toEqual([]);
  });

  it('keeps the short label on the chart axis and puts the text in the tooltip', () => {
    const rows: IntervalRow[] = [
      { label: 'Line A', note: ZH, rate: 0.3, low: 0.28, high: 0.32, n: 2300 },
      { label: 'Line C', rate: 0.33, low: 0.3, high: 0.36, n: 2000 },
    ];
    const text = { rate: 'Hang-up rate', interval: '95% interval', n: 'Answered', smallSample: 'small sample' };
    const o = buildIntervalPlot(rows, { width: 640, pct, int, text });
    expect((o.y as { domain: string[] }).domain).toEqual(['Line A', 'Line C']);
    const dot = (o.marks as unknown as { ariaLabel: string; channels?: unknown; data: IntervalRow[] }[]).find(
      (m) => m.ariaLabel === 'dot',
    )!;
    const title = (dot as unknown as { channels: { title: { value: (r: IntervalRow) => string } } }).channels.title
      .value;
    expect(title(rows[0]!).split('\n').slice(0, 2)).toEqual(['Line A', ZH]);
    expect(title(rows[1]!).split('\n')[1]).toBe(`Hang-up rate: ${pct(0.33)}`);
  });
});
