import { looseName } from './csv-line.ts';
import type { FormatPlan, Sample } from './types.ts';

/** vicidial_log columns (extras/MySQL_AST_CREATE_tables.sql), for dumps without a header row. */
const VICIDIAL_LOG = [
  'uniqueid',
  'lead_id',
  'list_id',
  'campaign_id',
  'call_date',
  'start_epoch',
  'end_epoch',
  'length_in_sec',
  'status',
  'phone_code',
  'phone_number',
  'user',
  'comments',
  'processed',
  'user_group',
  'term_reason',
  'alt_dial',
  'called_count',
];
const UNIQUEID = /^\d{9,}\.\d+$/;

/** System statuses: not answered ones by name; every other status was answered (human or machine). */
const DISPOSITION: Record<string, string> = {
  na: 'no_answer',
  n: 'no_answer',
  b: 'busy',
  ab: 'busy',
  dc: 'failed',
  adc: 'failed',
  '*': 'answered',
};
const MACHINE = ['a', 'aa', 'am', 'al', 'afax'];
const HUMAN = ['sale', 'ni', 'callbk', 'cbhold', 'dnc', 'xfer', 'np', 'drop', 'xdrop', 'pu', 'pm'];
// term_reason: CALLER is the customer even on outbound; ABANDON = the customer gave up waiting.
const TERM_REASON: Record<string, string> = {
  caller: 'callee',
  abandon: 'callee',
  agent: 'agent',
  queuetimeout: 'system',
  afterhours: 'system',
  system: 'system',
  '*': '',
};

function tabHeader(s: Sample): Set<string> | null {
  const first = s.lines[0] ?? '';
  return s.kind === 'csv' && first.includes('\t') ? new Set(first.split('\t').map(looseName)) : null;
}

/** vicidial_log dumps and the admin "Export Calls Report": TAB-separated, CRLF, NULL literals. */
export const vicidial = {
  name: 'vicidial',
  detect(s: Sample): boolean {
    const h = tabHeader(s);
    if (!h) return false;
    const headed =
      h.has('status') && (h.has('calldate') || h.has('phonenumberdialed')) && (h.has('uniqueid') || h.has('leadid'));
    const fields = (s.lines[0] ?? '').split('\t');
    return headed || (UNIQUEID.test(fields[0]!) && (fields.length === 18 || fields.length === 15));
  },
  plan(s: Sample): FormatPlan {
    const headed = !UNIQUEID.test((s.lines[0] ?? '').split('\t')[0]!);
    const names = headed ? undefined : VICIDIAL_LOG.slice(0, (s.lines[0] ?? '').split('\t').length);
    return {
      name: this.name,
      // MySQL batch output: no quoting at all; a quote inside comments is just a character.
      reader: { kind: 'csv', delimiter: '\t', quote: '', escape: '', names },
      rules: {
        call_id: 'uniqueid',
        started_at: { column: ['call_date', 'start_epoch'] },
        ended_at: 'end_epoch',
        talk_seconds: 'length_in_sec',
        disposition: { column: 'status', values: DISPOSITION },
        answered_by: {
          column: 'status',
          values: {
            ...Object.fromEntries(MACHINE.map((m) => [m, 'machine'])),
            ...Object.fromEntries(HUMAN.map((m) => [m, 'human'])),
            '*': '',
          },
        },
        hangup_by: { column: 'term_reason', values: TERM_REASON },
        hangup_cause: { column: ['term_reason', 'hangup_cause'] },
        reject: {
          column: 'status',
          values: {
            new: 'status NEW: call not finished',
            queue: 'status QUEUE: call not finished',
            incall: 'status INCALL: call not finished',
            '*': '',
          },
        },
        campaign: 'campaign_id',
        // VDAD = the dialer itself: the call never reached an agent.
        agent_id: { column: 'user', values: { vdad: '' } },
        callee_id: { column: ['phone_number_dialed', 'phone_number'] },
        outcome: { column: 'status', values: { sale: 'converted', ni: 'declined', callbk: 'interested', '*': '' } },
      },
    };
  },
};
