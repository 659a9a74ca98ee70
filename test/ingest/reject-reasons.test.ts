import { describe, expect, it } from 'vitest';
import { rejectReasonZh } from '../../server/contract/reject-reasons.ts';

describe('rejects-file reasons in Chinese', () => {
  it.each([
    ['call_id: missing', 'call_id：缺失'],
    ['started_at: not a timestamp: "2026-13-01 10:00:00"', 'started_at：不是时间："2026-13-01 10:00:00"'],
    ['ended_at: before started_at', 'ended_at：早于 started_at'],
    ['talk_seconds: not a non-negative number: "-3.0"', 'talk_seconds：不是非负数："-3.0"'],
    ['ring_seconds: not a number: "abc"', 'ring_seconds：不是数字："abc"'],
    ['disposition: unknown value "maybe"', 'disposition：未知取值 "maybe"'],
    ['direction: unknown value "both" (inbound or outbound)', 'direction：未知取值 "both"（应为 inbound 或 outbound）'],
    [
      'talk_seconds: missing for an answered call (give talk_seconds, or answered_at and ended_at)',
      'talk_seconds：接通的通话缺少通话时长（请给出 talk_seconds，或 answered_at 与 ended_at）',
    ],
    [
      'line 7: a value of 2000000 bytes, over the 1048576-byte field limit',
      '第 7 行：有一个值长 2000000 字节，超过字段上限 1048576 字节',
    ],
    [
      'line 4: missing columns (Expected Number of Columns: 19 Found: 3)',
      '第 4 行：列数不足（Expected Number of Columns: 19 Found: 3）',
    ],
    ['line 9: some new error (its words)', '第 9 行：some new error（its words）'],
    ['status INCALL: call not finished', '状态 INCALL：通话尚未结束'],
    ['key column missing or empty', '键列缺失或为空'],
    ['number_tag missing', 'number_tag 缺失'],
    ['from_date: not a date: "2024-02-30"', 'from_date：不是日期："2024-02-30"'],
  ])('%s', (en, zh) => expect(rejectReasonZh(en)).toBe(zh));

  it('translates each part of a joined reason; values and unknown words stay as written', () => {
    // a "; " inside a quoted value stays in its part
    expect(rejectReasonZh('call_id: missing; disposition: unknown value "是; 否"')).toBe(
      'call_id：缺失; disposition：未知取值 "是; 否"',
    );
    expect(rejectReasonZh('answered_by: unknown value "a; b; c"; hangup_by: unknown value "d; e"')).toBe(
      'answered_by：未知取值 "a; b; c"; hangup_by：未知取值 "d; e"',
    );
    expect(rejectReasonZh('started_at: missing; hangup_by: unknown value "x"')).toBe(
      'started_at：缺失; hangup_by：未知取值 "x"',
    );
    expect(rejectReasonZh('something DuckDB said')).toBe('something DuckDB said');
  });
});
