import { looseName, splitCsvLine } from './csv-line.ts';
import type { FormatPlan, Sample } from './types.ts';

/** Header words of Chinese call-centre exports (README, Dialer formats). */
const VOCABULARY = [
  '主叫号码',
  '被叫号码',
  '呼叫时间',
  '开始时间',
  '接通时间',
  '应答时间',
  '挂机时间',
  '结束时间',
  '通话时长',
  '挂机方',
  '挂断原因',
  '呼叫结果',
];

const RESULTS: Record<string, string> = {
  已接通: 'answered',
  接通: 'answered',
  已接听: 'answered',
  接听: 'answered',
  成功: 'answered',
  呼叫成功: 'answered',
  未接通: 'no_answer',
  无人接听: 'no_answer',
  未接听: 'no_answer',
  无应答: 'no_answer',
  振铃未接: 'no_answer',
  用户忙: 'busy',
  忙: 'busy',
  占线: 'busy',
  被叫忙: 'busy',
  拒接: 'rejected',
  用户拒接: 'rejected',
  拒绝: 'rejected',
  空号: 'failed',
  关机: 'failed',
  停机: 'failed',
  呼叫失败: 'failed',
  失败: 'failed',
  无法接通: 'failed',
  不在服务区: 'failed',
};
/** 挂机方 after dropping a 挂机/挂断 suffix; codes: STAFFHANGUP 0 用户 / 1 话务员, hangupDir 1 主叫 / 2 被叫. */
const PARTY: Record<string, string> = {
  客户: 'callee',
  用户: 'callee',
  被叫: 'callee',
  客户方: 'callee',
  坐席: 'agent',
  座席: 'agent',
  话务员: 'agent',
  主叫: 'agent',
  系统: 'system',
  平台: 'system',
  '0': 'callee',
  '1': 'agent',
  '2': 'callee',
  '*': '',
};

function headerLine(s: Sample): number {
  // Some exports put a report title above the header.
  return s.lines.slice(0, 5).findIndex((l) => VOCABULARY.filter((w) => l.includes(w)).length >= 2);
}

export const cnExport = {
  name: 'cn_export',
  detect(s: Sample): boolean {
    return s.kind === 'csv' && headerLine(s) >= 0;
  },
  plan(s: Sample): FormatPlan {
    const at = Math.max(headerLine(s), 0);
    const line = s.lines[at] ?? '';
    const delimiter = line.split('\t').length > line.split(',').length ? '\t' : ',';
    const first = splitCsvLine(line, delimiter)[0]?.replace(/^\uFEFF/, '') ?? '';
    return {
      name: this.name,
      reader: { kind: 'csv', delimiter, quote: '"', escape: '"', skipLines: at },
      rules: {
        call_id: { column: ['呼叫ID', '通话ID', '话单ID', '通话编号', '呼叫编号', 'callid', 'sessionid'] },
        started_at: { column: ['呼叫时间', '开始时间', '拨打时间', '外呼时间'] },
        answered_at: { column: ['接通时间', '应答时间'] },
        ended_at: { column: ['挂机时间', '结束时间'] },
        talk_seconds: { column: ['通话时长', '通话时长(秒)', '通话时长（秒）'] },
        ring_seconds: '振铃时长',
        disposition: {
          column: ['呼叫结果', '接听状态', '通话状态', '外呼结果'],
          values: RESULTS,
          default: 'no_answer',
        },
        hangup_by: { column: ['挂机方', '挂断方'], regex: '^(.*?)(?:挂机|挂断|挂线)?$', values: PARTY },
        hangup_cause: { column: ['挂断原因', '挂机原因'] },
        caller_number: { column: ['主叫号码', '外显号码'] },
        callee_id: { column: ['被叫号码', '客户号码'] },
        agent_id: { column: ['坐席工号', '坐席账号', '坐席'] },
        campaign: { column: ['任务名称', '活动名称', '项目名称'] },
        direction: {
          column: ['呼叫类型', '呼叫方向', '通话类型', '通话方向'],
          values: { 呼入: 'inbound', 来电: 'inbound', 呼出: 'outbound', 外呼: 'outbound', '*': '' },
        },
        script_id: { column: ['话术ID', '话术编号', '话术'] },
        // The 合计/总计 footer Excel reports add is not a call.
        skip: {
          concat: [...new Set([first, '主叫号码', '被叫号码'])].filter((c) => looseName(c) !== ''),
          regex: '(合计|总计|小计)',
          values: { '*': '合计 totals row (not a call)' },
        },
      },
      answeredWhenAnswerTime: true,
    };
  },
};
