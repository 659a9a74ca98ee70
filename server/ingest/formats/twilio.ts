import { looseName, splitCsvLine } from './csv-line.ts';
import type { FormatPlan, Sample } from './types.ts';

/**
 * Twilio Calls: the REST .csv (PascalCase: Sid, ParentCallSid, StartTime...) and Console exports
 * ("Call Sid", "Start Time", ...). Names compare loosely (case, spaces, underscores).
 */
export const twilioCalls = {
  name: 'twilio_calls',
  detect(s: Sample): boolean {
    if (s.kind !== 'csv' || !s.lines[0]) return false;
    const h = new Set(splitCsvLine(s.lines[0]).map(looseName));
    return (h.has('sid') || h.has('callsid')) && h.has('status') && h.has('from') && h.has('to');
  },
  plan(): FormatPlan {
    return {
      name: this.name,
      reader: { kind: 'csv', delimiter: ',', quote: '"', escape: '"' },
      rules: {
        call_id: { column: ['CallSid', 'Sid'] },
        record_id: { column: ['CallSid', 'Sid'] },
        // Child legs (<Dial> creates outbound-dial legs with a parent) fold into their parent call.
        fold_key: { column: ['ParentCallSid', 'CallSid', 'Sid'] },
        leg: { column: 'Direction', values: { 'outbound-dial': 'child', 'outbound dial': 'child', '*': '' } },
        // The parent's Direction decides the call's (its outbound-dial children are legs of it).
        direction: { column: 'Direction', values: { inbound: 'inbound', '*': '' } },
        started_at: { column: ['StartTime', 'DateCreated'] },
        ended_at: 'EndTime',
        talk_seconds: { column: ['Duration', 'DurationSeconds'] },
        // Only `completed` is an answer; `canceled` is our side giving up while it rang.
        disposition: {
          column: 'Status',
          values: {
            completed: 'answered',
            busy: 'busy',
            'no-answer': 'no_answer',
            'no answer': 'no_answer',
            canceled: 'no_answer',
            cancelled: 'no_answer',
            failed: 'failed',
          },
        },
        answered_by: {
          column: 'AnsweredBy',
          values: {
            human: 'human',
            machine_start: 'machine',
            machine_end_beep: 'machine',
            machine_end_silence: 'machine',
            machine_end_other: 'machine',
            fax: 'machine',
            '*': '',
          },
        },
        caller_number: { column: ['From', 'FromFormatted'] },
        callee_id: { column: ['To', 'ToFormatted'] },
      },
      foldReason: 'Twilio child legs (outbound-dial) folded into their parent call',
      // The Calls list does not say who hung up: Voice Insights summaries loaded before do.
      afterFold: ['format_twilio_join'],
    };
  },
};

/** Voice Insights call summaries (JSON lines): evidence for calls, not calls themselves. */
export const twilioInsights = {
  name: 'twilio_insights',
  detect(s: Sample): boolean {
    const o = s.firstObject;
    return (
      s.kind === 'json' && !!o && 'call_sid' in o && ('properties' in o || 'connect_duration' in o || 'call_state' in o)
    );
  },
};
