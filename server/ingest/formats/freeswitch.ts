import { splitCsvLine } from './csv-line.ts';
import type { FormatPlan, Sample } from './types.ts';

/** mod_cdr_csv built-in `default` template (13 fields; note the space before the last one). */
const DEFAULT = [
  'caller_id_name',
  'caller_id_number',
  'destination_number',
  'context',
  'start_stamp',
  'answer_stamp',
  'end_stamp',
  'duration',
  'billsec',
  'hangup_cause',
  'uuid',
  'bleg_uuid',
  'accountcode',
];
/** The vanilla config's `example` template: default + codecs (15 fields). */
const EXAMPLE = [...DEFAULT, 'read_codec', 'write_codec'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Current versions write %Y-%m-%d %H:%M:%S; an Excel round trip leaves 2020/2/10 22:41.
const STAMP = /^\d{4}[-/]\d{1,2}[-/]\d{1,2} \d{1,2}:\d\d(:\d\d)?$/;
const CAUSE = /^[A-Z][A-Z_]+$/;
const SIP_DISPOSITION = /^(recv|send)_(bye|cancel|refuse)$/;

function names(fields: string[]): string[] | null {
  const n = fields.length;
  // A site template may append ${sip_hangup_disposition}; it is recognised by its values.
  const disposition =
    SIP_DISPOSITION.test(fields[n - 1] ?? '') || n === 14 || n === 16 ? ['sip_hangup_disposition'] : [];
  const base = n - disposition.length === 13 ? DEFAULT : n - disposition.length === 15 ? EXAMPLE : null;
  return base && [...base, ...disposition];
}

/** Unanswered legs by hang-up cause (FreeSWITCH names of Q.850 causes). */
const UNANSWERED: Record<string, string> = {
  user_busy: 'busy',
  call_rejected: 'rejected',
  no_answer: 'no_answer',
  no_user_response: 'no_answer',
  originator_cancel: 'no_answer',
  normal_clearing: 'no_answer',
  allotted_timeout: 'no_answer',
  progress_timeout: 'no_answer',
  recovery_on_timer_expire: 'no_answer',
  '*': 'failed',
};

export const freeswitchCdrCsv = {
  name: 'freeswitch_cdr_csv',
  detect(s: Sample): boolean {
    const f = s.kind === 'csv' && s.lines[0] ? splitCsvLine(s.lines[0]) : [];
    return names(f) !== null && STAMP.test(f[4]!) && UUID.test(f[10]!) && CAUSE.test(f[9]!);
  },
  plan(s: Sample): FormatPlan {
    const cols = names(splitCsvLine(s.lines[0] ?? '')) ?? DEFAULT;
    return {
      name: this.name,
      reader: { kind: 'csv', delimiter: ',', quote: '"', escape: '"', names: cols },
      rules: {
        call_id: 'uuid',
        // One uuid written more than once (legs=ab, retries) is one call.
        fold_key: 'uuid',
        started_at: 'start_stamp',
        answered_at: 'answer_stamp',
        ended_at: 'end_stamp',
        talk_seconds: 'billsec',
        total_seconds: 'duration',
        disposition: { column: 'hangup_cause', values: UNANSWERED },
        hangup_cause: 'hangup_cause',
        // On the customer (A) leg: the far end sent BYE = the callee; we sent it = our side.
        hangup_by: { column: 'sip_hangup_disposition', values: { recv_bye: 'callee', send_bye: 'agent', '*': '' } },
        caller_number: 'caller_id_number',
        // destination_number is "&" on originated legs (the application string): no number then.
        callee_id: { column: 'destination_number', regex: '^(\\+?[0-9][0-9 ()-]*)$' },
        campaign: 'accountcode',
        // The vanilla configuration routes calls from gateways into the `public` context.
        direction: { column: 'context', values: { public: 'inbound', '*': '' } },
        leg_id: 'uuid',
        // Templates write the other leg as bleg_uuid (default), bridge_uuid or other_leg_uuid.
        other_leg: { column: ['bleg_uuid', 'bridge_uuid', 'other_leg_uuid'] },
      },
      // legs=ab writes the B leg too: format_pair_legs folds it into its A leg (one call).
      beforeFold: ['format_pair_legs'],
      answeredWhenAnswerTime: true,
      systemHangupCauses: ['MEDIA_TIMEOUT', 'ALLOTTED_TIMEOUT', 'RECOVERY_ON_TIMER_EXPIRE'],
      // legs=ab folds B legs too (format_pair_legs), not only repeated uuids.
      foldReason: "FreeSWITCH rows of one call (a repeated uuid, or a B leg named in its A leg's bleg_uuid)",
    };
  },
};
