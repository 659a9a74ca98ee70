import type { GlossaryMessageKey } from './glossary.en.ts';

/** 指标说明（首次打开时才加载）的简体中文文案；键与 glossary.en.ts 一一对应。 */
export const glossaryZhCN: Record<GlossaryMessageKey, string> = {
  'glossary.shrunk': '收缩后挂断率',
  'glossary.shrunkDef':
    '经验贝叶斯估计：把挂断率向整体平均水平收缩，样本越少收缩越多。用它给坐席和号码排序，不会因小样本的运气而偏差。',
  'glossary.knownParty':
    '话单注明了挂断方的接通通话。挂断率只以这些通话为分母：未注明挂断方的接通通话既不计入分子，也不计入分母。',
  'glossary.adjusted': '校正后比较',
  'glossary.adjustedDef':
    '在相同时段和客群（分层）内比较开场白，不会把差时段的影响算到开场白头上：Mantel–Haenszel 比值比与直接标准化挂断率。',
  'glossary.title': '指标说明',
  'glossary.dials': '每一次拨打尝试（通话记录中的一行）。',
  'glossary.answered': '呼叫结果为“接通”的拨打。',
  'glossary.connectRate': '接通数 ÷ 拨打量。',
  'glossary.hangupRate':
    '早挂断数 ÷ 挂断方已知的接通数：对方在接通后 {t} 秒内挂断。至少一半接通通话记录了挂断方时为核心指标。',
  'glossary.shortCallRate':
    '通话不足 {t} 秒的接通数（不论谁挂断）÷ 接通数。多数通话未记录挂断方时（如普通 Asterisk、FreeSWITCH CSV）为核心指标。',
  'glossary.rejectionRate': '振铃时被拒接的拨打 ÷ 拨打量。',
  'glossary.conversionRate': '结果为“已转化”的接通通话 ÷ 接通数。',
  'glossary.interval': '95% 区间',
  'glossary.intervalDef': 'Wilson 置信区间：在当前样本量下，真实比率大概率所在的范围。区间越宽，通话越少。',
  'glossary.smallSample': '小样本',
  'glossary.smallSampleDef': '分母少于 {n} 通的格子和点显示为灰色：其比率主要是随机波动。',
  'glossary.nthCall': '呼叫频次',
  'glossary.nthCallDef': '截至本次（含本次）的 30 天内，此人共收到的呼叫次数。',
};
