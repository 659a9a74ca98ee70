/**
 * English text of the statistics, recommendations and report pages. Kept out of en.ts so the
 * first page load does not carry it: the pages that need it load it with their own chunk.
 */
export const analysisEn = {
  'metric.shrunkRate': 'Shrunk rate',
  'metric.shrunkLow': 'Shrunk 95% low',
  'metric.shrunkHigh': 'Shrunk 95% high',
  'agents.shrunkNote':
    "Green tick: the shrunk rate (empirical Bayes). Each agent's rate is pulled toward the team's, the more the fewer calls: rank agents by it, not by the raw dot.",
  'agents.shrunkTable':
    "Shrunk rate: each agent's hang-up rate pulled toward the team's, the more the fewer calls say who hung up (empirical Bayes); rank agents by it, not by the raw rate.",
  'numbers.shrunkNote':
    "Shrunk rate: each number's hang-up rate pulled toward the average of all numbers, the more the fewer calls say who hung up (empirical Bayes); rank by it, not by the raw rate.",
  'ab.control': 'Control',
  'ab.controlTag': '{arm} (control)',
  'ab.adjustFor': 'Adjust for',
  'ab.adjust.hour': 'Hour',
  'ab.adjust.segment': 'Segment',
  'ab.adjust.number_tag': 'Number tag',
  'ab.strata.hour': 'hours',
  'ab.strata.segment': 'segments',
  'ab.strata.number_tag': 'number tags',
  'ab.and': ' and ',
  'ab.list': ', ',
  'ab.noAdjust': 'Crude comparison only: pick at least one thing to adjust for to see the adjusted results.',
  'ab.noScripts': 'No answered calls with an opening line match these filters.',
  'ab.simpsonTitle': 'Overall and adjusted results disagree',
  'ab.simpson.worse':
    '{arm} looks worse than {control} overall ({rate} vs {controlRate} early hang-ups) but better within the same {strata} (adjusted odds ratio {or}, 95% CI {low}–{high}): it was dialled more often at {strata} where every line does worse. Judge it by the adjusted result.',
  'ab.simpson.better':
    '{arm} looks better than {control} overall ({rate} vs {controlRate} early hang-ups) but worse within the same {strata} (adjusted odds ratio {or}, 95% CI {low}–{high}): it was dialled more often at {strata} where every line does better. Judge it by the adjusted result.',
  'ab.srmTitle': 'The lines did not get an equal share of dials',
  'ab.srm':
    'Dials per line: {dials}. A split this uneven is very unlikely by chance (sample-ratio-mismatch χ² = {chi}, p {p}). Check how the dialer assigns lines: a broken split can bias every comparison on this page.',
  'ab.forest': 'Difference to the control',
  'ab.forestNote':
    "Each line's hang-up rate minus {control}'s, in percentage points; left of 0 = fewer early hang-ups. Line: Newcombe 95% interval; filled dot: the interval excludes 0.",
  'ab.sequenceNote':
    'Light band: always-valid 95% confidence sequence over {looks} daily looks, valid however often you check. Method: {method}; mixture variance τ² = {tau2}, α = {alpha}.',
  'ab.axisDiff': 'Difference in hang-up rate vs control (percentage points)',
  'ab.diff': 'Difference (pp)',
  'ab.diffLow': '95% low (pp)',
  'ab.diffHigh': '95% high (pp)',
  'ab.sequence': 'Always-valid interval',
  'ab.seqLow': 'Always-valid low (pp)',
  'ab.seqHigh': 'Always-valid high (pp)',
  'ab.seqP': 'Always-valid p',
  'ab.pRaw': 'p (unadjusted)',
  'ab.adjusted': 'Overall vs adjusted',
  'ab.adjustedNote':
    'Adjusted for {strata} over {n} strata: rates directly standardised to the mix of all calls; odds ratio vs {control} by Mantel–Haenszel (95% CI Robins–Breslow–Greenland).',
  'ab.crudeRate': 'Overall rate',
  'ab.stdRate': 'Standardised rate',
  'ab.or': 'Odds ratio (MH)',
  'ab.orLow': 'OR 95% low',
  'ab.orHigh': 'OR 95% high',
  'ab.cmhP': 'CMH p',
  'ab.bdP': 'Breslow–Day p',
  'ab.coverage': 'Strata covered',
  'ab.rateAxis': 'Early hang-up rate',
  'ab.orAxis': 'Odds ratio vs control, adjusted (log scale)',
  'ab.shiftLegend':
    'Rates: hollow dot = overall rate, filled dot = standardised rate (as if every line had been dialled to the same mix). Odds ratios: below 1 = fewer early hang-ups than the control within the same strata. Orange: overall and adjusted disagree.',
  'ab.decision': 'Which line to keep',
  'ab.decisionNote':
    'p-values adjusted for comparing {k} line{s:k} with the control ({method}). Chance to beat the control and expected loss: Bayesian, Beta(1,1) priors, computed exactly. Expected loss: how many points of hang-up rate you would give up, on average, if you switched to the line and it is in fact worse.',
  'ab.holm': 'Holm',
  'ab.bh': 'Benjamini–Hochberg',
  'ab.pAdj': 'p ({method})',
  'ab.chance': 'Chance to beat control',
  'ab.loss': 'Expected loss (pp)',
  'ab.probBest': 'Chance to be best',
  'ab.required': 'Needed per line',
  'ab.enough': 'Enough data?',
  'ab.yes': 'yes',
  'ab.notYet': 'not yet',
  'ab.requiredNote':
    'Needed per line: {unit} each line needs to detect the difference seen so far with 80% power at α = 0.05.',
  'ab.chi': 'All lines together: χ² = {chi} on {df} df, p {p}.',
  'km.title': 'Who stays on the line: the first {max} seconds',
  // The curve shown is the headline's (server/analysis/survival.ts): with the hang-up rate the event is
  // the callee hanging up, over the calls that say who hung up; with the short-call rate, the call ending.
  'km.note':
    'Kaplan–Meier, per opening line: of the answered calls that say who hung up, the share the callee has not hung up on yet (a call the agent ended counts until it ended); band: 95% interval. Dashed line: {t} s.',
  'km.note.short':
    'Kaplan–Meier, per opening line: of all answered calls, the share still talking, whoever hangs up (the curve behind the short-call rate); band: 95% interval. Dashed line: {t} s.',
  'km.x': 'Seconds after answering',
  'km.y': 'Callee has not hung up',
  'km.y.short': 'Still talking',
  'km.atRisk': 'Still at risk',
  'km.seconds': 'Seconds',
  'km.more':
    '{arm} keeps {d} points more callees past {t} s than {control} (95% CI {low} to {high}; crude, not adjusted).',
  'km.fewer':
    '{arm} keeps {d} points fewer callees past {t} s than {control} (95% CI {low} to {high}; crude, not adjusted).',
  'km.more.short':
    '{arm} has {d} points more calls still talking past {t} s than {control} (95% CI {low} to {high}; crude, not adjusted).',
  'km.fewer.short':
    '{arm} has {d} points fewer calls still talking past {t} s than {control} (95% CI {low} to {high}; crude, not adjusted).',
  // A curve at 0 has no Greenwood error (every call of the line had its event): no interval to give.
  'km.noInterval':
    'Past {t} s: {arm} {a}%, {control} {c}%. No interval: one of the two lines has no calls left on its curve by then.',
  'km.approx': "Intervals approximated from the width of the curves' bands.",
  'km.logRank': 'Log-rank test across lines (whole call, not only the first {max} s): χ² = {chi} on {df} df, p {p}.',
  'insights.title': 'Recommendations',
  'insights.note':
    'Findings that hold up after correcting for the number of comparisons, each with its evidence and a link to the chart behind it.',
  'insights.windows': 'When to call each segment',
  'insights.windowsNote':
    'Hours with at least {n} {unit} whose rate differs from the rest of the segment (z-test, Holm-adjusted p < 0.05).',
  'insights.best': 'Call',
  'insights.worst': 'Avoid',
  'insights.cap': 'Frequency cap',
  'insights.capNote':
    "The smallest 30-day call count whose {rate} is credibly above the first call's (z-test, Holm-adjusted).",
  'insights.numbers': 'Caller numbers to rest',
  'insights.numbersNote':
    'Answer rate down or rejection rate up in the last 7 days of the data vs the 21 days before (Holm-adjusted p < 0.05; numbers with at least 50 dials in each period).',
  'insights.agents': 'Agents to coach',
  'insights.agentsNote':
    "Shrunk {rate} (empirical Bayes) credibly above the team's: P(above team) > 0.95. Agents with few calls are pulled toward the team rate, so noise alone does not flag them.",
  'insights.none': 'Nothing passes the test for these filters.',
  'insights.see': 'See the chart',
  'ev.interval': '95% interval',
  'ev.credible': '95% credible interval',
  'ev.pAdj': 'Adjusted p',
  'ev.segmentRate': 'Segment average',
  'ev.firstCall': 'First call',
  'ev.callN': 'Call #{n} in 30 days',
  'ev.diff': 'Difference (pp)',
  'ev.recentAnswer': 'Answer rate, last 7 days',
  'ev.recentReject': 'Rejection rate, last 7 days',
  'ev.priorAnswer': 'Answer rate, 21 days before',
  'ev.priorReject': 'Rejection rate, 21 days before',
  'ev.was': 'before: {v}',
  'ev.dials': 'Dials, last 7 days / 21 days before',
  'ev.raw': 'Raw {rate}',
  'ev.shrunk': 'Shrunk {rate}',
  'ev.team': 'Team',
  'ev.probAbove': 'P(above team)',
  'ev.kind': 'Advice',
  'ev.explanation': 'Explanation',
  'reports.title': 'Weekly report',
  'reports.note':
    'One document per week for managers: KPIs against the week before, what drove the change, the A/B verdicts, recommendations and data quality. Preview it here; download it to forward.',
  'reports.week': 'Week',
  'reports.prev': 'Previous week',
  'reports.next': 'Next week',
  'reports.weekOption': '{week} · {from} – {until}',
  'reports.incomplete': '{label} (incomplete)',
  'reports.lang': 'Report language',
  'reports.preview': 'Preview',
  'reports.previewTitle': 'Preview of the weekly report {week}',
  'reports.download': 'Download',
  'reports.format.html': 'HTML',
  'reports.format.pdf': 'PDF',
  'reports.format.xlsx': 'Excel (XLSX)',
  'reports.format.csv': 'CSV',
  'reports.generating': 'Generating…',
  'reports.pdfNote': 'The PDF is printed by Chromium on the server and takes a few seconds.',
  'reports.pdfUnavailable': 'PDF is not available on this server: {message}',
  'reports.failed': 'Could not download the {format}: {message}',
  'reports.datesIgnored':
    'The week sets the period: the date filter does not apply to the report; the other filters do.',
  'reports.noData': 'No calls stored yet: ingest call records first.',
  'verdict.title': 'Verdict per line',
  'verdict.better': 'Better',
  'verdict.worse': 'Worse',
  'verdict.no_evidence': 'No evidence yet',
  'verdict.too_few': 'Not enough calls',
  'verdict.than': 'than {control}',
  'verdict.fromAdjusted': 'Adjusted for {strata}',
  'verdict.fromCrude': 'Unadjusted (no strata chosen)',
  'verdict.or': 'Odds ratio {or} (95% CI {low}–{high}), {p}',
  'verdict.diff': 'Difference {diff} pp (95% CI {low} to {high}), {p}',
  'verdict.tooFewNote': 'Fewer than {n} {unit} in this line or the control.',
  'verdict.rule':
    "Better or worse: the comparison's p adjusted for {k} line{s:k} ({method}) is below 0.05; an odds ratio below 1 means fewer early hang-ups. No evidence yet: keep calling; the table below says how many calls each line needs.",
  'verdict.none': 'Only one line matches these filters: nothing to compare.',
  'details.title': 'Statistical details',
  'details.hint':
    'differences to the control, the adjusted analysis (CMH, Breslow–Day), the always-valid sequence (mSPRT) and the test of all lines together',
  'ab.decisionAdjusted': 'Which line to keep (adjusted for {strata})',
  'ab.decisionCrude': 'Which line to keep (unadjusted)',
  'ab.decisionNoteAdjusted':
    "Chance to beat the control, expected loss and chance to be best are Bayesian (Beta(1,1) priors, exact) on each line's rate standardised to the same mix of {strata}, so they agree with the verdict above. p: the adjusted (CMH) test, corrected for comparing {k} line{s:k} with the control ({method}).",
  'ab.verdictCol': 'Verdict',
  'ab.seqMethodName': 'mSPRT with a normal mixture (always-valid p-value, Johari et al. 2017)',
  'insights.showAll': 'Show all {n}',
  'insights.showTop': 'Show the top {n} only',
  // The rate the A/B comparison reads.
  'ab.metric': 'Compare',
  'ab.metric.hangup': 'Hang-up rate',
  'ab.metric.short': 'Short-call rate',
  'ab.metricNote.hangup':
    'Comparing the hang-up rate: early hang-ups over the answered calls whose hang-up party is known.',
  'ab.metricNote.short':
    'Comparing the short-call rate: answered calls shorter than {t} s, whoever hung up, over all answered calls.',
  'ab.axisDiff.short': 'Difference in short-call rate vs control (percentage points)',
  'ab.simpson.worse.short':
    '{arm} looks worse than {control} overall ({rate} vs {controlRate} short calls) but better within the same {strata} (adjusted odds ratio {or}, 95% CI {low}–{high}): it was dialled more often at {strata} where every line does worse. Judge it by the adjusted result.',
  'ab.simpson.better.short':
    '{arm} looks better than {control} overall ({rate} vs {controlRate} short calls) but worse within the same {strata} (adjusted odds ratio {or}, 95% CI {low}–{high}): it was dialled more often at {strata} where every line does better. Judge it by the adjusted result.',
  'ab.forestNote.short':
    "Each line's short-call rate minus {control}'s, in percentage points; left of 0 = fewer short calls. Line: Newcombe 95% interval; filled dot: the interval excludes 0.",
} as const;

export type AnalysisMessageKey = keyof typeof analysisEn;
