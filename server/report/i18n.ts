/**
 * Every word of the report in zh-CN and English, and the number formats. One formatter per
 * kind of number, so the HTML, PDF, XLSX and CSV agree on what "32.0%" means.
 */
import { createFormat, DASH, type Format } from '../contract/format.ts';
import type { KpiKey } from './data.ts';

export type Lang = 'zh' | 'en';
export const LANGS = ['zh', 'en'] as const;

const zh = {
  title: '外呼挂断率周报',
  week: '周',
  period: '统计周期',
  previousPeriod: '对比周期',
  generatedAt: '生成时间',
  timezone: '业务时区',
  filters: '筛选条件',
  noFilters: '无（全部通话）',
  filterNames: {
    campaign: '活动',
    script: '开场白',
    segment: '客户分群',
    numberTag: '号码标签',
    agent: '坐席',
  } as Record<string, string>,
  metric: '指标',
  thisWeek: '本周',
  previousWeek: '上周',
  change: '变化',
  ci95: '95% 置信区间',
  pValue: 'p 值',
  significance: '显著性',
  significant: '显著',
  notSignificant: '不显著',
  notTestable: '无法检验',
  noData: '无数据',
  pt: '个百分点',
  kpiTitle: '核心指标',
  kpiNote: '变化的区间为 Newcombe 混合得分区间；显著性为双侧两比例 z 检验，α = 0.05（未做多重比较校正）。',
  kpis: {
    dials: '外呼量',
    connectRate: '接通率',
    hangupRate: '挂断率',
    shortCallRate: '短通话占比',
    rejectionRate: '拒接率',
    conversionRate: '转化率',
  } satisfies Record<KpiKey, string>,
  headlineShort:
    '本周话单中有 {share} 的接通通话没有记录挂断方，挂断率意义有限：核心指标改为通话不足 {T} 秒的占比（短通话占比）。',
  // The two empty denominators differ: no answered call at all, or answered calls none of which says who hung up.
  headlineNoAnswered: '本周没有接通的通话（外呼 {dials} 通），无法计算挂断率和短通话占比。',
  headlineNoKnownParty:
    '本周接通 {answered} 通，没有一通记录挂断方（挂断方未知），无法计算挂断率：核心指标改为通话不足 {T} 秒的占比（短通话占比）。',
  previousNoAnswered: '；上周没有接通的通话，无法比较。',
  previousNoKnownParty: '；上周接通 {answered} 通，没有一通记录挂断方，没有挂断率可比较。',
  driversTitle: '变化来自哪里：结构效应与组内效应',
  driversNote:
    '挂断率的变化 = 结构效应（各组在挂断方已知的接通通话中占比的变化）+ 组内效应（各组自身挂断率的变化），按中点权重对称分解，两部分之和等于总变化。',
  // The decomposition of the short-call rate, when that is the week's headline.
  driversTitleShort: '变化来自哪里：短通话占比的结构效应与组内效应',
  driversShortReason:
    '按本周核心指标短通话占比分解，而非挂断率：{share} 的接通通话未记录挂断方（超过一半未记录时核心指标改为短通话占比）。',
  driversNoteShort:
    '短通话占比的变化 = 结构效应（各组在接通通话中占比的变化）+ 组内效应（各组自身通话不足 {T} 秒的占比的变化），按中点权重对称分解，两部分之和等于总变化。',
  driversNoDataShort:
    '需要本周和上周都有接通通话才能分解短通话占比的变化：本周接通 {curAnswered} 通，上周接通 {prevAnswered} 通。',
  dimension: '维度',
  dimensions: {
    segment: '客户分群',
    hour: '时段（小时）',
    caller_number: '外显号码',
    weekday: '星期',
    script: '开场白',
    date: '日期',
  },
  driversNoData:
    '需要本周和上周都有记录挂断方的接通通话才能分解变化：本周接通 {curAnswered} 通，其中 {cur} 通记录了挂断方；上周接通 {prevAnswered} 通，其中 {prev} 通记录了挂断方。',
  mix: '结构效应',
  rateEffect: '组内效应',
  total: '合计',
  shareBefore: '上周占比',
  shareNow: '本周占比',
  rateBefore: '上周挂断率',
  rateNow: '本周挂断率',
  rateBeforeShort: '上周短通话占比',
  rateNowShort: '本周短通话占比',
  topContributors: '贡献最大的组',
  dailyTitle: '每日趋势',
  heatmapTitle: '时段 × 星期 挂断率热力图',
  heatmapNote:
    '格内为挂断率（%）；蓝色好于本周整体、红色差于整体，白色约等于整体；挂断方已知的接通数少于 {min} 的格子显示为灰色，不宜解读；有接通但无一记录挂断方的格子没有挂断率，留空。',
  heatmapTitleShort: '时段 × 星期 短通话占比热力图',
  heatmapNoteShort:
    '格内为短通话占比（%）：通话不足 {T} 秒的接通通话（不论谁挂断）占接通数的比例；蓝色好于本周整体、红色差于整体，白色约等于整体；接通数少于 {min} 的格子显示为灰色，不宜解读。',
  dailyTitleShort: '每日趋势：短通话占比',
  dailyNoteShort: '接通数少于 {min} 的日期不画点。',
  chartsShortReason:
    '按本周核心指标短通话占比作图，而非挂断率：{share} 的接通通话未记录挂断方（超过一半未记录时核心指标改为短通话占比）。',
  heatBetter: '好',
  heatWorse: '差',
  date: '日期',
  weekday: '星期',
  hour: '小时',
  weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  dials: '外呼量',
  answered: '接通数',
  earlyHangups: '早挂数',
  hangupRate: '挂断率',
  connectRate: '接通率',
  ciLow: '区间下限',
  ciHigh: '区间上限',
  knownParty: '挂断方已知',
  shortCalls: '短通话数',
  shortCallRate: '短通话占比',
  shortCallRateCiLow: '短通话区间下限',
  shortCallRateCiHigh: '短通话区间上限',
  scriptsTitle: '开场白',
  scriptsCrude: '各开场白本周挂断率（未调整）',
  scriptsCrudeShort: '各开场白本周短通话占比（未调整）',
  script: '开场白',
  abTitle: 'A/B 结论（按时段、分群、号码标签调整）',
  diff: '与对照组差异',
  pAdjusted: '校正后 p 值',
  chanceToBeat: '优于对照组的概率',
  oddsRatio: '调整后比值比',
  simpson: '警示',
  crudeAdjustedDisagree:
    '未调整时{crude}，按时段、分群、号码标签调整后{adjusted}：差异主要来自本周拨打时段或人群的不同，请以调整后结果为准。',
  standardisedRate: '标准化挂断率',
  noAb: '本周开场白少于两个，无法比较。',
  verdict: '结论（调整后）',
  verdictBasis: '依据',
  crude: '未调整',
  cmhP: '调整后检验校正 p 值',
  better: '更好',
  worse: '更差',
  noDifference: '尚无证据',
  tooFew: '通话太少',
  abNote:
    '对照组：{control}；差异为本组减对照组（未调整）；调整后结果为按时段 × 分群 × 号码标签分层的 Mantel–Haenszel 比值比与 CMH 检验；所有 p 值均经 Holm 多重比较校正；结论依据调整后检验；“优于对照组的概率”为 Beta(1,1) 先验下、按调整后（标准化）比率计算的后验概率，与结论一致；本组或对照组的分母（比较挂断率时为挂断方已知的接通数，比较短通话占比时为接通数）少于 30 通时不下结论。',
  abControlMarked: '{line}（开场白文件中标为对照组）',
  abControlMostAnswered: '{line}（开场白文件未标记对照组，取本周接通数最多的开场白）',
  abControlRule: '开场白文件中标为对照组的开场白，未标记时取本周接通数最多的开场白',
  srmWarning: '各开场白的外呼量与均分计划显著不符（SRM），分配可能有问题，结论需谨慎。',
  bestWindow: '最佳',
  worstWindow: '应避免',
  simpsonWarning: '未调整与调整后的方向相反：本周各开场白拨打的时段或人群不同，请以调整后结果为准。',
  control: '对照组',
  recommendationsTitle: '行动建议',
  recommendationsPeriod: '依据 {from} 至 {to}（含）共 4 周的数据：最近 7 天即本周，与此前 21 天对比。',
  windows: '最佳拨打时段',
  windowsAvoid: '应避免的拨打时段',
  appendixTitle: '附录：完整建议列表',
  moreInAppendix: '另有 {n} 条见附录。',
  frequencyCap: '拨打频次上限',
  numbersToRest: '建议停用休养的外显号码',
  agentsToCoach: '需要辅导的坐席',
  noItems: '本周无此类建议。',
  explanation: '说明',
  failed: '此部分计算失败：',
  qualityTitle: '数据质量',
  filesThisWeek: '本周导入的文件',
  noFilesThisWeek: '本周没有导入文件。',
  sourcesTitle: '本周通话的来源文件',
  fileName: '文件名',
  format: '格式',
  status: '状态',
  ingestedAt: '导入时间',
  rowsRead: '读取行数',
  inserted: '入库行数',
  duplicates: '重复行数',
  rejected: '拒收行数',
  calls: '本周通话数',
  unknownParty: '接通但挂断方未知',
  unknownPartyShare: '挂断方未知占比',
  machineAnswered: '机器/语音信箱接听',
  definitionsTitle: '指标定义与复现方法',
  definitions: {
    dials: '外呼量：拨打记录行数（每次拨打一行）',
    connectRate: '接通率：disposition = answered 的通话数 / 外呼量',
    hangupRate:
      '挂断率：接通后由客户挂断且通话时长 < {T} 秒的通话数 / 挂断方已知的接通数（至少一半接通通话记录了挂断方时为核心指标）',
    shortCallRate:
      '短通话占比：通话时长 < {T} 秒的接通通话数（不论谁挂断）/ 接通数（话单多数未记录挂断方时为核心指标）',
    rejectionRate: '拒接率：振铃中被拒接（disposition = rejected）的通话数 / 外呼量',
    conversionRate: '转化率：outcome = converted 的接通通话数 / 接通数',
  } satisfies Record<KpiKey, string>,
  weekRule: '周按 ISO 8601 划分（周一至周日），日期为业务时区 {tz} 的当地日期。',
  intervalRule: '比率区间为 Wilson 95% 得分区间。',
  reproduce: '复现：',
  value: '取值',
  sheetNames: {
    kpi: '核心指标',
    drivers: '变化分解',
    daily: '每日趋势',
    heatmap: '热力图',
    scripts: '开场白',
    ab: 'AB结论',
    windows: '最佳时段',
    windowsAvoid: '应避免时段',
    frequencyCap: '频次上限',
    numbersToRest: '号码休养',
    agentsToCoach: '坐席辅导',
    ingest: '导入文件',
    sources: '来源文件',
    quality: '数据质量',
    definitions: '定义与筛选',
  },
  page: '第',
  yes: '是',
  no: '否',
  none: '（空）',
};

export type Dict = typeof zh;

const en: Dict = {
  title: 'Weekly hang-up report',
  week: 'Week',
  period: 'Period',
  previousPeriod: 'Compared with',
  generatedAt: 'Generated',
  timezone: 'Business timezone',
  filters: 'Filters',
  noFilters: 'none (all calls)',
  filterNames: {
    campaign: 'campaign',
    script: 'opening line',
    segment: 'segment',
    numberTag: 'number tag',
    agent: 'agent',
  },
  metric: 'Metric',
  thisWeek: 'This week',
  previousWeek: 'Previous week',
  change: 'Change',
  ci95: '95% CI',
  pValue: 'p-value',
  significance: 'Significance',
  significant: 'significant',
  notSignificant: 'not significant',
  notTestable: 'not testable',
  noData: 'no data',
  pt: 'pt',
  kpiTitle: 'Headline metrics',
  kpiNote:
    'Interval of the change: Newcombe hybrid score interval; significance: two-sided two-proportion z-test at α = 0.05 (not adjusted for multiple comparisons).',
  kpis: {
    dials: 'Dials',
    connectRate: 'Connect rate',
    hangupRate: 'Hang-up rate',
    shortCallRate: 'Short-call rate',
    rejectionRate: 'Rejection rate',
    conversionRate: 'Conversion rate',
  },
  headlineShort:
    "Your CDRs do not say who hung up for {share} of this week's answered calls, so the hang-up rate says little: the headline is the share of calls shorter than {T} s (short-call rate).",
  headlineNoAnswered: 'No answered calls this week ({dials} dials): no hang-up rate or short-call rate to report.',
  headlineNoKnownParty:
    'No answered call this week says who hung up ({answered} answered, hang-up party unknown): no hang-up rate to report; the headline is the share of calls shorter than {T} s (short-call rate).',
  previousNoAnswered: '; the previous week has no answered calls to compare with.',
  previousNoKnownParty:
    '; no answered call the previous week says who hung up ({answered} answered, hang-up party unknown), so there is no hang-up rate to compare with.',
  driversTitle: 'What drove the change: mix vs rate',
  driversNote:
    'Change in hang-up rate = mix (a different share of the answered calls with a known hang-up party in each group) + rate (a real change within groups), split symmetrically with midpoint weights; the two parts add up to the change.',
  driversTitleShort: 'What drove the change in the short-call rate: mix vs rate',
  driversShortReason:
    'Decomposed as the short-call rate, the headline metric this week, not the hang-up rate: {share} of the answered calls do not say who hung up (the headline switches when more than half do not).',
  driversNoteShort:
    'Change in short-call rate = mix (a different share of the answered calls in each group) + rate (a real change within groups in the share of answered calls shorter than {T} s), split symmetrically with midpoint weights; the two parts add up to the change.',
  driversNoDataShort:
    'The decomposition of the short-call rate needs answered calls in both weeks: this week has {curAnswered}, the previous week {prevAnswered}.',
  dimension: 'Dimension',
  dimensions: {
    segment: 'Segment',
    hour: 'Hour of day',
    caller_number: 'Caller number',
    weekday: 'Weekday',
    script: 'Opening line',
    date: 'Date',
  },
  driversNoData:
    'The decomposition needs answered calls with a known hang-up party in both weeks: this week has {cur} of {curAnswered} answered, the previous week {prev} of {prevAnswered}.',
  mix: 'Mix',
  rateEffect: 'Rate',
  total: 'Total',
  shareBefore: 'Share, prev.',
  shareNow: 'Share, this wk',
  rateBefore: 'Rate, prev.',
  rateNow: 'Rate, this wk',
  rateBeforeShort: 'Rate, prev.',
  rateNowShort: 'Rate, this wk',
  topContributors: 'Largest contributors',
  dailyTitle: 'Daily trend',
  heatmapTitle: 'Hang-up rate by hour × weekday',
  heatmapNote:
    'Cells show the hang-up rate (%); blue is better than the week overall, red worse, white about average; cells with fewer than {min} answered calls with a known hang-up party are grey and should not be read; cells whose answered calls never say who hung up have no rate and stay blank.',
  heatmapTitleShort: 'Short-call rate by hour × weekday',
  heatmapNoteShort:
    'Cells show the short-call rate (%): answered calls shorter than {T} s, whoever hung up, of all answered calls; blue is better than the week overall, red worse, white about average; cells with fewer than {min} answered calls are grey and should not be read.',
  dailyTitleShort: 'Daily trend: short-call rate',
  dailyNoteShort: 'Days with fewer than {min} answered calls have no point.',
  chartsShortReason:
    'Charted as the short-call rate, the headline metric this week, not the hang-up rate: {share} of the answered calls do not say who hung up (the headline switches when more than half do not).',
  heatBetter: 'better',
  heatWorse: 'worse',
  date: 'Date',
  weekday: 'Weekday',
  hour: 'Hour',
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  dials: 'Dials',
  answered: 'Answered',
  earlyHangups: 'Early hang-ups',
  hangupRate: 'Hang-up rate',
  connectRate: 'Connect rate',
  ciLow: 'CI low',
  ciHigh: 'CI high',
  knownParty: 'Known party',
  shortCalls: 'Short calls',
  shortCallRate: 'Short-call rate',
  shortCallRateCiLow: 'Short-call CI low',
  shortCallRateCiHigh: 'Short-call CI high',
  scriptsTitle: 'Opening lines',
  scriptsCrude: 'Hang-up rate per opening line this week (crude)',
  scriptsCrudeShort: 'Short-call rate per opening line this week (crude)',
  script: 'Opening line',
  abTitle: 'A/B verdicts (adjusted for hour, segment and number tag)',
  diff: 'Difference to control',
  pAdjusted: 'Adjusted p',
  chanceToBeat: 'Chance to beat control',
  oddsRatio: 'Adjusted odds ratio',
  simpson: 'Warning',
  crudeAdjustedDisagree:
    'Crude: {crude}; adjusted for hour, segment and number tag: {adjusted}. The crude difference comes mostly from who was called when this week; trust the adjusted result.',
  standardisedRate: 'Standardised rate',
  noAb: 'Fewer than two opening lines this week: nothing to compare.',
  verdict: 'Verdict (adjusted)',
  verdictBasis: 'Deciding number',
  crude: 'crude',
  cmhP: 'Adjusted test, Holm p',
  better: 'better',
  worse: 'worse',
  noDifference: 'no evidence yet',
  tooFew: 'not enough calls',
  abNote:
    "Control: {control}; differences are arm minus control (crude); adjusted results: Mantel–Haenszel odds ratio and CMH test across hour × segment × number-tag strata; all p-values Holm-adjusted across arms; the verdict follows the adjusted test; chance to beat control: posterior probability under Beta(1,1) priors on the adjusted (standardised) rates, so it agrees with the verdict; no verdict when the line or the control has fewer than 30 calls in the rate's denominator (answered calls with a known hang-up party for the hang-up rate, answered calls for the short-call rate).",
  abControlMarked: '{line} (marked as control in the scripts file)',
  abControlMostAnswered: '{line} (no scripts file marks a control: the line with the most answered calls this week)',
  abControlRule: 'the line a scripts file marks as control, else the line with the most answered calls this week',
  srmWarning:
    'Dials per opening line differ significantly from the planned equal split (SRM): the assignment may be broken; read the verdicts with care.',
  bestWindow: 'best',
  worstWindow: 'avoid',
  simpsonWarning:
    'Crude and adjusted results point in opposite directions: the lines were dialled at different hours or to different people this week; trust the adjusted result.',
  control: 'Control',
  recommendationsTitle: 'Recommendations',
  recommendationsPeriod:
    'Based on the 4 weeks {from} to {to} (inclusive): the last 7 days are this week, compared with the 21 days before.',
  windows: 'Best call windows',
  windowsAvoid: 'Call windows to avoid',
  appendixTitle: 'Appendix: every recommendation',
  moreInAppendix: '{n} more in the appendix.',
  frequencyCap: 'Frequency cap',
  numbersToRest: 'Caller numbers to rest',
  agentsToCoach: 'Agents to coach',
  noItems: 'Nothing to recommend this week.',
  explanation: 'Explanation',
  failed: 'This section could not be computed: ',
  qualityTitle: 'Data quality',
  filesThisWeek: 'Files ingested this week',
  noFilesThisWeek: 'No files were ingested this week.',
  sourcesTitle: "Files that supplied this week's calls",
  fileName: 'File',
  format: 'Format',
  status: 'Status',
  ingestedAt: 'Ingested',
  rowsRead: 'Rows read',
  inserted: 'Inserted',
  duplicates: 'Duplicates',
  rejected: 'Rejected',
  calls: 'Calls this week',
  unknownParty: 'Answered, hang-up party unknown',
  unknownPartyShare: 'Share with unknown hang-up party',
  machineAnswered: 'Answered by machine / voicemail',
  definitionsTitle: 'Definitions and how to reproduce',
  definitions: {
    dials: 'Dials: rows of the call log (one per dial attempt)',
    connectRate: 'Connect rate: calls with disposition = answered / dials',
    hangupRate:
      'Hang-up rate: answered calls the callee hung up within {T} s / answered calls whose hang-up party is known (the headline when at least half of the answered calls say who hung up)',
    shortCallRate:
      'Short-call rate: answered calls shorter than {T} s, whoever hung up / answered calls (the headline when most calls do not say who hung up)',
    rejectionRate: 'Rejection rate: calls declined while ringing (disposition = rejected) / dials',
    conversionRate: 'Conversion rate: answered calls with outcome = converted / answered calls',
  },
  weekRule: 'Weeks are ISO 8601 (Monday to Sunday) on local dates in the business timezone {tz}.',
  intervalRule: 'Rate intervals are 95% Wilson score intervals.',
  reproduce: 'Reproduce: ',
  value: 'Value',
  sheetNames: {
    kpi: 'KPIs',
    drivers: 'Drivers',
    daily: 'Daily',
    heatmap: 'Heatmap',
    scripts: 'Opening lines',
    ab: 'AB verdicts',
    windows: 'Best windows',
    windowsAvoid: 'Windows to avoid',
    frequencyCap: 'Frequency cap',
    numbersToRest: 'Numbers to rest',
    agentsToCoach: 'Agents to coach',
    ingest: 'Ingested files',
    sources: 'Source files',
    quality: 'Data quality',
    definitions: 'Definitions',
  },
  page: 'Page',
  yes: 'yes',
  no: 'no',
  none: '(none)',
};

export const DICTS: Record<Lang, Dict> = { zh, en };
export const dict = (lang: Lang): Dict => DICTS[lang];

/** `{name}` placeholders filled from `vars`. */
export const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

// Number formats come from the one module the dashboard uses too (server/contract/format.ts).
const F = { zh: createFormat('zh'), en: createFormat('en') };
export const reportFormat = (lang: Lang): Format => F[lang];

/** 12,345 — grouping with commas in both languages (common in zh-CN business documents). */
export const fmtInt = (x: number | null | undefined) => F.en.int(x);
/** 0.3202 -> "32.0%". */
export const fmtPct = (x: number | null | undefined, digits = 1) => F.en.pct(x, digits);
/** A difference of proportions in percentage points, signed: "+3.8 pt" / "+3.8 个百分点" (never "−0.0"). */
export const fmtPp = (x: number | null | undefined, lang: Lang) =>
  x == null || !Number.isFinite(x) ? DASH : `${F.en.pp(x)} ${dict(lang).pt}`;
/** Interval of a difference, in points: "0.1 – 7.4". */
export const fmtPpRange = (lo: number | null | undefined, hi: number | null | undefined) =>
  lo == null || hi == null || !Number.isFinite(lo) || !Number.isFinite(hi)
    ? DASH
    : `${F.en.points(lo)} – ${F.en.points(hi)}`;
export const fmtPctRange = (lo: number | null | undefined, hi: number | null | undefined) => F.en.interval(lo, hi);
/** p-values: "< 0.001", else three significant digits. */
export const fmtP = (p: number | null | undefined) => F.en.p(p);
/** "p < 0.001" / "p = 0.0123" inside a sentence. */
export const fmtPIs = (p: number | null | undefined) => F.en.pIs(p);
