import type { OverviewMessageKey } from './overview.en.ts';

/** 概览页（指标卡、核心指标说明、趋势图）的简体中文文案；键与 overview.en.ts 一一对应。 */
export const overviewZhCN: Record<OverviewMessageKey, string> = {
  'kpi.thin.knownParty': '仅 {n} 通电话记录了挂断方：少于 {min} 通，样本太少，不宜解读。',
  'kpi.thin.answered': '仅 {n} 通接通电话：少于 {min} 通，样本太少，不宜解读。',
  'kpi.thin.dials': '仅拨打 {n} 次：少于 {min} 次，样本太少，不宜解读。',
  'kpi.none.knownParty': '没有记录挂断方的接通电话：无法计算。',
  'kpi.none.answered': '没有接通的电话：无法计算。',
  'kpi.none.dials': '没有拨打：无法计算。',
  'kpi.fewBefore': '前 {days} 天样本太少，无法比较',
  'headline.thin': '当前筛选下仅 {n} 通接通电话：这一比例未必代表全部数据。',
  'overview.hollow': '空心点（虚线相连）= 当天{unit}少于 {n}：样本太少，不宜解读。',
};
