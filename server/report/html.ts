/**
 * The weekly report as one self-contained HTML document: inline CSS, charts as inline SVG
 * rendered on the server, no script, no external reference. It is also what Chromium prints
 * to PDF, so the CSS is written for A4 paper first.
 */
import { buildHeatmapOption, buildTrendOption, FONT_STACK, renderSvg } from './charts.ts';
import { headlineOf, MIN_DENOMINATOR, type Kpi, type ReportData } from './data.ts';
import type { Decomposition } from './decomposition.ts';
import { esc, html, note, raw, tableHtml, type Raw } from './html-parts.ts';
import { dict, fill, fmtInt, fmtP, fmtPct, fmtPctRange, fmtPp, fmtPpRange, reportFormat, type Lang } from './i18n.ts';
import {
  abNote,
  abSentence,
  abWarning,
  recommendationItems,
  recommendationText,
  REC_KEYS,
  sectionNote,
  verdictClass,
  verdictWord,
} from './insight-rows.ts';
import { valueLabel } from '../contract/labels.ts';
import { AB_RATE_WORDS, type AbArm, type AbView } from './insights.ts';
import { wilsonInterval } from '../stats/index.ts';
import {
  buildTables,
  definitionRows,
  driverWords,
  filterEntries,
  reproduceUrl,
  groupLabel,
  type CellValue,
  type ReportTable,
} from './tables.ts';
import { withoutMetrics } from './table-model.ts';

const WIDTH = 680; // px of an A4 page between 14 mm margins at 96 dpi

const CSS = `
@page { size: A4; margin: 14mm 0 16mm; } /* side margins come from the centred body */
* { box-sizing: border-box; }
body { font-family: ${FONT_STACK}; color: #1d2733; font-size: 10.5pt; line-height: 1.45; margin: 0 auto; max-width: ${WIDTH + 40}px; padding: 16px 20px; }
h1 { font-size: 19pt; margin: 0 0 4px; color: #12355b; }
h2 { font-size: 13pt; margin: 22px 0 6px; padding-bottom: 3px; border-bottom: 2px solid #12355b; color: #12355b; break-after: avoid; }
h3 { font-size: 11pt; margin: 14px 0 4px; break-after: avoid; }
.meta { color: #4a5866; font-size: 9pt; margin: 0; }
.headline { font-size: 11.5pt; background: #f1f5fa; border-left: 4px solid #1f5fa8; padding: 8px 12px; margin: 12px 0; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 6px 0; break-inside: auto; }
tr { break-inside: avoid; }
th, td { padding: 3px 6px; border-bottom: 1px solid #dde3ea; text-align: left; vertical-align: top; }
th { background: #e8eef5; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n { white-space: nowrap; }
.sub { display: block; color: #6b7783; font-size: 8pt; }
.sig { font-weight: 600; }
.good { color: #1b7a3a; font-weight: 600; }
.bad { color: #b3261e; font-weight: 600; }
.nsig { color: #6b7783; }
.thin { color: #a0a8b0; }
.note { color: #5b6772; font-size: 8.5pt; margin: 4px 0; }
.warn { color: #8a4b00; background: #fff4e0; padding: 2px 6px; }
.unavailable { color: #5b6772; border: 1px dashed #b9c3cc; padding: 6px 10px; font-size: 9pt; }
figure { margin: 6px 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
section { break-inside: auto; }
.keep { break-inside: avoid; }
table.small { font-size: 8pt; }
ul.recs { margin: 4px 0; padding-left: 18px; }
code { font-size: 8.5pt; word-break: break-all; }
/* On a phone a wide table scrolls on its own instead of widening the page (paper is unaffected),
   and its first column (the metric or group) keeps its width: squeezed, 外呼量 read a character a line. */
@media screen and (max-width: 600px) {
  table { display: block; overflow-x: auto; }
  th:first-child, td:first-child { white-space: nowrap; }
}
`;

/** Which direction of each KPI is good news. */
const UP_IS_GOOD: Record<string, boolean> = {
  connectRate: true,
  conversionRate: true,
  hangupRate: false,
  shortCallRate: false,
  rejectionRate: false,
  dials: true,
};

function sigLabel(k: Kpi, lang: Lang): Raw {
  const t = dict(lang);
  if (k.kind === 'count') return html`—`;
  if (k.significant === null) return html`<span class="nsig">${t.notTestable}</span>`;
  if (!k.significant) return html`<span class="nsig">${t.notSignificant}</span>`;
  // Colour says good or bad, not "significant": a significant rise in the connect rate is good news.
  const up = (k.change ?? 0) > 0;
  const good = UP_IS_GOOD[k.key] === up;
  return html`<span class="${good ? 'good' : 'bad'}">${t.significant}</span>`;
}

function kpiCell(k: Kpi, which: 'current' | 'previous'): Raw {
  const p = k[which];
  if (k.kind === 'count') return html`${fmtInt(p.value)}`;
  const thin = (p.denominator ?? 0) < MIN_DENOMINATOR;
  return html`<span class="${thin ? 'thin' : ''}">${fmtPct(p.value)}</span
    ><span class="sub">${fmtInt(p.numerator)} / ${fmtInt(p.denominator)}</span>`;
}

function kpiTable(d: ReportData, lang: Lang): Raw {
  const t = dict(lang);
  return html`<table class="kpi">
    <thead>
      <tr>
        <th>${t.metric}</th>
        <th class="n">${t.thisWeek}</th>
        <th class="n">${t.previousWeek}</th>
        <th class="n">${t.change}</th>
        <th class="n">${t.ci95}</th>
        <th class="n">${t.pValue}</th>
        <th>${t.significance}</th>
      </tr>
    </thead>
    <tbody>
      ${d.kpis.map((k) => {
        const change =
          k.kind === 'count'
            ? `${k.change! >= 0 ? '+' : '−'}${fmtInt(Math.abs(k.change!))}${k.relativeChange === null ? '' : ` (${k.relativeChange >= 0 ? '+' : '−'}${fmtPct(Math.abs(k.relativeChange))})`}`
            : fmtPp(k.change, lang);
        return html`<tr>
          <td>${t.kpis[k.key]}</td>
          <td class="n">${kpiCell(k, 'current')}</td>
          <td class="n">${kpiCell(k, 'previous')}</td>
          <td class="n">${change}</td>
          <td class="n">${k.kind === 'rate' ? fmtPpRange(k.changeCiLow, k.changeCiHigh) : '—'}</td>
          <td class="n">${fmtP(k.pValue)}</td>
          <td>${sigLabel(k, lang)}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

/**
 * The end of a headline sentence when the previous week has no rate to compare with: no answered
 * call at all, or (for the hang-up rate) answered calls none of which says who hung up.
 */
function previousGap(d: ReportData, lang: Lang, metric: 'hangup' | 'short'): string {
  const t = dict(lang);
  const p = d.previous;
  if (metric === 'hangup' && p.answered > 0 && p.knownParty === 0)
    return fill(t.previousNoKnownParty, { answered: fmtInt(p.answered) });
  return t.previousNoAnswered;
}

/** One sentence on the headline rate: level, change, interval, significance. */
export function headlineSentence(d: ReportData, lang: Lang): string {
  const t = dict(lang);
  if (!d.current.answered) return fill(t.headlineNoAnswered, { dials: fmtInt(d.current.dials) });
  const k = d.kpis.find((x) => x.key === 'hangupRate')!;
  // Answered calls but none with a known party: no hang-up rate at all, whatever the headline says.
  if (headlineOf(d.current) === 'short' || k.current.denominator === 0) return shortHeadline(d, lang);
  const cur = `${fmtPct(k.current.value)}（${fmtInt(k.current.numerator)}/${fmtInt(k.current.denominator)}）`;
  if (k.change === null) {
    return lang === 'zh'
      ? `本周挂断率 ${cur}${previousGap(d, lang, 'hangup')}`
      : `The hang-up rate this week was ${fmtPct(k.current.value)} (${fmtInt(k.current.numerator)} of ${fmtInt(k.current.denominator)} answered with a known hang-up party)${previousGap(d, lang, 'hangup')}`;
  }
  const sig = k.significant ? t.significant : t.notSignificant;
  if (lang === 'zh') {
    const dir = k.change > 0 ? '上升' : k.change < 0 ? '下降' : '持平';
    return `本周挂断率 ${cur}，上周 ${fmtPct(k.previous.value)}，${dir} ${fmtPp(Math.abs(k.change), lang).replace(/^[+−±]/, '')}（95% 置信区间 ${fmtPpRange(k.changeCiLow, k.changeCiHigh)} 个百分点），差异${sig}（${reportFormat(lang).pIs(k.pValue)}）。`;
  }
  const dir = k.change > 0 ? 'up' : k.change < 0 ? 'down' : 'unchanged at';
  return `The hang-up rate this week was ${fmtPct(k.current.value)} (${fmtInt(k.current.numerator)} of ${fmtInt(k.current.denominator)} answered with a known hang-up party) against ${fmtPct(k.previous.value)} the week before: ${dir} ${fmtPp(Math.abs(k.change), lang).replace(/^[+−±]/, '')} (95% CI ${fmtPpRange(k.changeCiLow, k.changeCiHigh)} pt), ${sig} (${reportFormat(lang).pIs(k.pValue)}).`;
}

/**
 * The headline when the CDRs mostly (or never) say who hung up: why, then the short-call rate
 * and its change. Only reached with answered calls this week, so the short-call rate exists.
 */
function shortHeadline(d: ReportData, lang: Lang): string {
  const t = dict(lang);
  const f = reportFormat(lang);
  const k = d.kpis.find((x) => x.key === 'shortCallRate');
  const { answered, knownParty } = d.current;
  const T = d.settings.earlySeconds;
  const why =
    knownParty === 0
      ? fill(t.headlineNoKnownParty, { answered: f.int(answered), T })
      : fill(t.headlineShort, { share: f.pct(1 - (knownParty ?? 0) / answered), T });
  if (!k) return why; // a summary without the short-call rate (never with a known-party count)
  const rate = `${f.pct(k.current.value)} (${f.int(k.current.numerator)}/${f.int(k.current.denominator)})`;
  if (k.change === null)
    return lang === 'zh'
      ? `${why} 本周短通话占比 ${rate}${previousGap(d, lang, 'short')}`
      : `${why} This week: ${rate}${previousGap(d, lang, 'short')}`;
  return lang === 'zh'
    ? `${why} 本周短通话占比 ${rate}，上周 ${f.pct(k.previous.value)}，变化 ${fmtPp(k.change, lang)}（95% 置信区间 ${fmtPpRange(k.changeCiLow, k.changeCiHigh)} 个百分点，${f.pIs(k.pValue)}）。`
    : `${why} This week: ${rate} against ${f.pct(k.previous.value)} the week before, ${fmtPp(k.change, lang)} (95% CI ${fmtPpRange(k.changeCiLow, k.changeCiHigh)} pt, ${f.pIs(k.pValue)}).`;
}

function driverSentence(dim: string, dimKey: string, r: Decomposition, lang: Lang): string {
  const top = r.segments[0];
  const who = top ? groupLabel(dimKey, top.key, lang) : null;
  if (lang === 'zh') {
    return (
      `按${dim}：结构效应 ${fmtPp(r.mix, lang)}，组内效应 ${fmtPp(r.rate, lang)}` +
      (top ? `；贡献最大的是 ${who}（${fmtPp(top.total, lang)}，其中组内 ${fmtPp(top.rate, lang)}）。` : '。')
    );
  }
  return (
    `By ${dim.toLowerCase()}: mix ${fmtPp(r.mix, lang)}, rate ${fmtPp(r.rate, lang)}` +
    (top
      ? `; the largest contributor is ${who} (${fmtPp(top.total, lang)}, of which ${fmtPp(top.rate, lang)} within it).`
      : '.')
  );
}

/**
 * Why there is no decomposition: a week without calls in the rate's denominator (answered calls
 * whose hang-up party is known for the hang-up rate, answered calls for the short-call rate).
 */
function driversNoData(d: ReportData, lang: Lang): string {
  const t = dict(lang);
  const known = (s: ReportData['current']) => fmtInt(s.knownParty ?? s.answered);
  return fill(d.decompositionRate === 'shortCallRate' ? t.driversNoDataShort : t.driversNoData, {
    cur: known(d.current),
    curAnswered: fmtInt(d.current.answered),
    prev: known(d.previous),
    prevAnswered: fmtInt(d.previous.answered),
  });
}

function driversSection(d: ReportData, lang: Lang, tables: ReportTable[]): Raw {
  const t = dict(lang);
  const words = driverWords(d, lang);
  const usable = d.decompositions.filter((x) => Number.isFinite(x.result.change));
  if (usable.length === 0)
    return html`<h2>${words.title}</h2>
      <p class="unavailable">${driversNoData(d, lang)}</p>`;
  const drivers = tables.find((x) => x.id === 'drivers')!;
  const parts = usable.map(({ dimension, result }) => {
    const dimName = t.dimensions[dimension];
    const rows = drivers.rows.filter((r) => r[0] === dimName && r[1] !== t.total).slice(0, 6);
    return html`<div class="keep">
      <h3>${t.topContributors} · ${dimName}</h3>
      <p>${driverSentence(dimName, dimension, result, lang)}</p>
      ${tableHtml({ ...drivers, columns: drivers.columns.slice(1), rows: rows.map((r) => r.slice(1)) }, lang)}
    </div>`;
  });
  // No chart here: the mix + rate bars of every dimension add up to the same total change, so
  // they looked like three identical bars; the sentences and tables say which part moved.
  return html`<h2>${words.title}</h2>
    ${note(words.note)}${parts}`;
}

/**
 * A metric table as the HTML shows it: with the headline rate's columns only (the other rate's
 * count, rate and bounds are in the XLSX and CSV), so it fits an A4 page; the known-party count
 * stays, as it says why the headline is what it is.
 */
function headlineColumns(d: ReportData, table: ReportTable, lang: Lang): ReportTable {
  const t = dict(lang);
  if (headlineOf(d.current) !== 'short')
    return withoutMetrics(table, ['shortCalls', 'shortCallRate', 'shortCallRateCiLow', 'shortCallRateCiHigh']);
  const shown = withoutMetrics(table, ['earlyHangups', 'hangupRate', 'ciLow', 'ciHigh']);
  // One rate left: its bounds need no "short-call" in their headers.
  const bound: Record<string, string> = { shortCallRateCiLow: t.ciLow, shortCallRateCiHigh: t.ciHigh };
  return { ...shown, columns: shown.columns.map((c) => ({ ...c, header: bound[c.metric ?? ''] ?? c.header })) };
}

/** A chart note when the charts draw the short-call rate: why (the headline's reason), then `text`. */
function shortChartNote(d: ReportData, lang: Lang, text: string): string {
  return `${fill(dict(lang).chartsShortReason, { share: fmtPct(d.current.unknownPartyShare) })} ${text}`;
}

function dailySection(d: ReportData, lang: Lang, tables: ReportTable[]): Raw {
  const t = dict(lang);
  const headline = headlineOf(d.current);
  const daily = headlineColumns(
    d,
    tables.find((x) => x.id === 'daily')!,
    lang,
  );
  const thisWeek = {
    ...daily,
    columns: daily.columns.slice(1),
    rows: daily.rows.filter((r) => r[0] === d.week.label).map((r) => r.slice(1)),
  };
  // Not one unbreakable block: a chart and a table kept together pushed whole half pages ahead.
  return html`<section>
    <h2>${headline === 'short' ? t.dailyTitleShort : t.dailyTitle}</h2>
    ${note(
      headline === 'short'
        ? shortChartNote(d, lang, fill(t.dailyNoteShort, { min: MIN_DENOMINATOR }))
        : fill(t.dailyNote, { min: MIN_DENOMINATOR }),
    )}
    <figure>${raw(renderSvg(buildTrendOption(d, lang, headline), WIDTH, 240))}</figure>
    ${tableHtml(thisWeek, lang)}
  </section>`;
}

function heatmapSection(d: ReportData, lang: Lang): Raw {
  const t = dict(lang);
  const headline = headlineOf(d.current);
  const vars = { min: MIN_DENOMINATOR, T: d.settings.earlySeconds };
  return html`<section class="keep">
    <h2>${headline === 'short' ? t.heatmapTitleShort : t.heatmapTitle}</h2>
    ${note(headline === 'short' ? shortChartNote(d, lang, fill(t.heatmapNoteShort, vars)) : fill(t.heatmapNote, vars))}
    <figure>${raw(renderSvg(buildHeatmapOption(d.heatmap, lang, headline), WIDTH, 290))}</figure>
  </section>`;
}

/** The A/B table: verdict and the number that decides it first, the crude figures after. */
function abTable(ab: AbView, lang: Lang): Raw {
  const t = dict(lang);
  const f = reportFormat(lang);
  const basis = (a: AbArm) => {
    const v = a.verdictFrom;
    if (!v) return '—';
    return v.measure === 'odds_ratio'
      ? html`OR ${f.ratio(v.estimate)}<span class="sub"
            >${f.ratio(v.low)}–${f.ratio(v.high)} · ${f.pIs(v.pValueAdjusted)}</span
          >`
      : html`${fmtPp(a.diff, lang)}<span class="sub"
            >${fmtPpRange(a.diffCiLow, a.diffCiHigh)} · ${f.pIs(v.pValueAdjusted)}</span
          >`;
  };
  return html`<table class="small">
    <thead>
      <tr>
        <th>${t.script}</th>
        <th>${t.verdict}</th>
        <th class="n">${t.verdictBasis}</th>
        <th class="n">${t.standardisedRate}</th>
        <th class="n">${t.chanceToBeat}</th>
        <th class="n">${AB_RATE_WORDS[ab.metric].rate[lang]} (${t.crude})</th>
      </tr>
    </thead>
    <tbody>
      ${ab.arms.map(
        (a) =>
          html`<tr>
            <td>${valueLabel(lang, 'script', a.script)}${a.isControl ? ` (${t.control})` : ''}</td>
            <td>
              ${a.isControl ? '—' : html`<span class="${verdictClass(a)}">${verdictWord(a, lang)}</span>`}${abWarning(a, lang) ? html` <span class="warn">!</span>` : ''}
            </td>
            <td class="n">${a.isControl ? '—' : basis(a)}</td>
            <td class="n">${fmtPct(a.standardisedRate)}</td>
            <td class="n">${a.isControl ? '—' : f.prob(a.chanceToBeatControl)}</td>
            <td class="n">
              ${fmtPct(a.rate)}<span class="sub"
                >${fmtInt(a.events)} / ${fmtInt(a.n)} · ${fmtPctRange(a.ciLow, a.ciHigh)}</span
              >
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function openingLinesSection(d: ReportData, lang: Lang, tables: ReportTable[]): Raw {
  const t = dict(lang);
  const crude = headlineColumns(
    d,
    tables.find((x) => x.id === 'scripts')!,
    lang,
  );
  const scripts = html`<div class="keep">
      <h2>${t.scriptsTitle}</h2>
      <h3>${crude.title}</h3>
      ${tableHtml(crude, lang)}
    </div>
    <h3>${t.abTitle}</h3>`;
  if (d.ab.status !== 'ok')
    return html`${scripts}
      <p class="unavailable">${sectionNote(d.ab, lang)}</p>`;
  const ab = d.ab.value;
  if (!ab.control || ab.arms.length < 2)
    return html`${scripts}
      <p class="note">${t.noAb}</p>`;
  const arms = ab.arms.filter((a) => !a.isControl);
  return html`${scripts}
    <ul class="recs">
      ${arms.map((a) => html`<li>${abSentence(a, ab.control!, lang, ab.metric)}</li>`)}
    </ul>
    ${arms
      .map((a) => [a, abWarning(a, lang)] as const)
      .filter(([, w]) => w)
      .map(([a, w]) => html`<p class="warn">${valueLabel(lang, 'script', a.script)}: ${w}</p>`)}
    ${ab.srmMismatch ? html`<p class="warn">${t.srmWarning}</p>` : ''} ${abTable(ab, lang)}${note(abNote(ab, lang))}`;
}

/** Recommendation lists longer than this show their first rows in the body and all of them in the appendix. */
const BODY_ROWS = 5;

function recTable(table: ReportTable, rows: CellValue[][], lang: Lang): Raw {
  return tableHtml({ ...table, columns: table.columns.slice(0, -1), rows: rows.map((r) => r.slice(0, -1)) }, lang, {
    className: 'small',
  });
}

function recommendationsSection(d: ReportData, lang: Lang, tables: ReportTable[]): Raw {
  const t = dict(lang);
  const head = html`<h2>${t.recommendationsTitle}</h2>`;
  if (d.recommendations.status !== 'ok')
    return html`${head}
      <p class="unavailable">${sectionNote(d.recommendations, lang)}</p>`;
  const recs = d.recommendations.value;
  return html`${head}${note(fill(t.recommendationsPeriod, { from: d.recommendationsPeriod.from, to: d.week.days[6]! }))}
  ${REC_KEYS.map((key) => {
    const items = recommendationItems(recs, key);
    const table = tables.find((x) => x.id === key)!;
    const shown = items.slice(0, BODY_ROWS);
    // Call windows are many and alike: their table says it all. The others get their sentences too.
    const windows = key === 'windows' || key === 'windowsAvoid';
    const sentences = windows
      ? ''
      : html`<ul class="recs">
          ${shown.map((i) => html`<li>${recommendationText(key, i, lang, recs.metric)}</li>`)}
        </ul>`;
    const more =
      items.length > BODY_ROWS
        ? html`<p class="note">${fill(t.moreInAppendix, { n: items.length - BODY_ROWS })}</p>`
        : '';
    return html`<div class="keep">
      <h3>${t[key]}</h3>
      ${
        items.length === 0
          ? html`<p class="note">${t.noItems}</p>`
          : html`${sentences}${recTable(table, table.rows.slice(0, BODY_ROWS), lang)}${more}`
      }
    </div>`;
  })}`;
}

/** Every recommendation row, for the lists cut short in the body. */
function appendixSection(d: ReportData, lang: Lang, tables: ReportTable[]): Raw {
  const t = dict(lang);
  if (d.recommendations.status !== 'ok') return html``;
  const long = REC_KEYS.map((key) => tables.find((x) => x.id === key)!).filter(
    (table) => table.rows.length > BODY_ROWS,
  );
  if (long.length === 0) return html``;
  return html`<h2 class="appendix">${t.appendixTitle}</h2>
    ${long.map(
      (table) =>
        html`<h3>${table.title}</h3>
          ${recTable(table, table.rows, lang)}`,
    )}`;
}

function qualitySection(d: ReportData, lang: Lang, tables: ReportTable[]): Raw {
  const t = dict(lang);
  const byId = (id: string) => tables.find((x) => x.id === id)!;
  return html`<h2>${t.qualityTitle}</h2>
    <p>
      ${t.unknownPartyShare}: <b>${fmtPct(d.current.unknownPartyShare)}</b> (${fmtInt(d.current.unknownParty)} /
      ${fmtInt(d.current.answered)}, ${t.ci95}
      ${fmtPctRange(...wilsonPair(d.current.unknownParty, d.current.answered))}) · ${t.machineAnswered}:
      ${fmtInt(d.current.machineAnswered)}
    </p>
    <h3>${t.filesThisWeek}</h3>
    ${d.ingestedThisWeek.length ? tableHtml(byId('ingest'), lang) : html`<p class="note">${t.noFilesThisWeek}</p>`}
    <h3>${t.sourcesTitle}</h3>
    ${tableHtml(byId('sources'), lang)}`;
}

/** Wilson 95% bounds for the data-quality share (the summary query gives the share only). */
function wilsonPair(k: number, n: number): [number | null, number | null] {
  const ci = wilsonInterval(k, n);
  return Number.isFinite(ci.lower) ? [ci.lower, ci.upper] : [null, null];
}

function definitionsSection(d: ReportData, lang: Lang): Raw {
  const t = dict(lang);
  const rows = definitionRows(d, lang).filter((r) => !String(r[1]).startsWith('/api/'));
  return html`<h2>${t.definitionsTitle}</h2>
    <table>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              <td>${String(r[0])}</td>
              <td>${String(r[1] ?? '')}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="note">${t.reproduce}<code>${reproduceUrl(d)}</code></p>`;
}

export function renderHtml(d: ReportData, lang: Lang): string {
  const t = dict(lang);
  const tables = buildTables(d, lang);
  const filters =
    Object.entries(filterEntries(d))
      .map(([k, v]) => `${t.filterNames[k] ?? k}: ${v.map((x) => valueLabel(lang, k, x)).join(', ')}`)
      .join('; ') || t.noFilters;
  const body = html`<header>
      <h1>${t.title} · ${d.week.label}</h1>
      <p class="meta">
        ${t.period} ${d.week.from} – ${d.week.days[6]} · ${t.previousPeriod} ${d.previousWeek.from} –
        ${d.previousWeek.days[6]} · ${t.timezone} ${d.settings.timezone}
      </p>
      <p class="meta">${t.filters}: ${filters} · ${t.generatedAt} ${d.generatedLocal} (${d.settings.timezone})</p>
    </header>
    <p class="headline">${headlineSentence(d, lang)}</p>
    <section class="keep">
      <h2>${t.kpiTitle}</h2>
      ${kpiTable(d, lang)}${note(t.kpiNote)}
    </section>
    ${driversSection(d, lang, tables)} ${dailySection(d, lang, tables)} ${heatmapSection(d, lang)}
    ${openingLinesSection(d, lang, tables)} ${recommendationsSection(d, lang, tables)}
    ${qualitySection(d, lang, tables)} ${definitionsSection(d, lang)} ${appendixSection(d, lang, tables)}`;
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${t.title} ${d.week.label}`)}</title>
<style>${CSS}</style></head>
<body>${body.html}</body></html>
`;
}
