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

const LEG_DIRECTION = /^(inbound|outbound)$/i;

function names(fields: string[]): string[] | null {
  let n = fields.length;
  // A site template may append ${direction} (every leg has one: inbound or outbound); it is
  // recognised by its values, last or before a sip_hangup_disposition.
  const last = (fields[n - 1] ?? '').trim();
  const beforeLast = (fields[n - 2] ?? '').trim();
  const directionLast = LEG_DIRECTION.test(last);
  const directionBefore = !directionLast && SIP_DISPOSITION.test(last) && LEG_DIRECTION.test(beforeLast);
  if (directionLast || directionBefore) n -= 1;
  // A site template may append ${sip_hangup_disposition}; it is recognised by its values.
  const lastLeft = directionLast ? beforeLast : last;
  const disposition = SIP_DISPOSITION.test(lastLeft) || n === 14 || n === 16 ? ['sip_hangup_disposition'] : [];
  const base = n - disposition.length === 13 ? DEFAULT : n - disposition.length === 15 ? EXAMPLE : null;
  if (!base) return null;
  if (directionLast) return [...base, ...disposition, 'direction'];
  if (directionBefore) return [...base, 'direction', ...disposition];
  return [...base, ...disposition];
}

/**
 * Inbound or outbound: FreeSWITCH writes no call direction in its `default` and `example`
 * templates, and its `direction` variable is the leg's, seen from the switch: an agent's phone
 * placing a dial is an `inbound` leg as much as a customer calling in from a trunk. What separates
 * the two is where the dialplan routed the A leg (the call's first leg; B legs fold into it):
 * - `public`: the vanilla configuration's context for calls arriving from gateways: inbound.
 * - `default` (and `features`): registered phones' user_context and originate's default context,
 *   where our own dials run: outbound. An A leg answered at its start is no sign of inbound here:
 *   originated legs are written so too (areski/cdr-pusher's sample row: "Outbound Call" in
 *   `default`, start = answer).
 * - any other context is a site's own (a renamed `public`, such as `blueivr` in the real exports
 *   in sample-data/formats/real; the vanilla public.xml asks for outside callers to be kept out of
 *   `default`):
 *   inbound when the caller reached an internal target (the destination is an extension, queue or
 *   feature code such as `*1001` or `3000`: not a phone number of 7 digits or more, not an originate
 *   application `&...`), or when the switch answered the A leg at its own start (a queue or an IVR
 *   answering the caller; only from stamps with seconds: an Excel round trip leaves minutes, where
 *   start = answer says nothing). A site context dialling a phone number is a dial.
 * - a `direction` column (a site template appending ${direction}): an A leg the switch originated
 *   (`outbound`) is a dial whatever its context; `inbound` says nothing more than the context does.
 * A site whose trunk context dials out otherwise names its contexts in a mapping file's `direction:`
 * rule (extends: freeswitch_cdr_csv).
 */
const SITE_CONTEXT = 'freeswitch_site_context';

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
        // The A leg's context decides (format_freeswitch_direction settles the other contexts).
        direction: { column: 'context', values: { public: 'inbound', default: '', features: '', '*': SITE_CONTEXT } },
        leg_id: 'uuid',
        // Templates write the other leg as bleg_uuid (default), bridge_uuid or other_leg_uuid.
        other_leg: { column: ['bleg_uuid', 'bridge_uuid', 'other_leg_uuid'] },
      },
      // Direction first, from each leg's own answer time; then legs=ab's B legs fold into their
      // A leg (format_pair_legs: one call, answered when the B leg was).
      beforeFold: ['format_freeswitch_direction', 'format_pair_legs'],
      answeredWhenAnswerTime: true,
      systemHangupCauses: ['MEDIA_TIMEOUT', 'ALLOTTED_TIMEOUT', 'RECOVERY_ON_TIMER_EXPIRE'],
      // legs=ab folds B legs too (format_pair_legs), not only repeated uuids.
      foldReason: "FreeSWITCH rows of one call (a repeated uuid, or a B leg named in its A leg's bleg_uuid)",
    };
  },
};
