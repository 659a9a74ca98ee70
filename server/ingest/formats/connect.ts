import type { FormatPlan, Sample } from './types.ts';

/** Unanswered contacts by DisconnectReason; CUSTOMER_DISCONNECT while ringing is a rejection. */
const UNANSWERED: Record<string, string> = {
  customer_disconnect: 'rejected',
  telecom_busy: 'busy',
  telecom_unanswered: 'no_answer',
  telecom_timeout: 'no_answer',
  customer_never_arrived: 'no_answer',
  expired: 'no_answer',
  telecom_originator_cancel: 'no_answer',
  '*': 'failed',
};
const PARTY: Record<string, string> = {
  customer_disconnect: 'callee',
  agent_disconnect: 'agent',
  contact_flow_disconnect: 'system',
  telecom_problem: 'system',
  expired: 'system',
  api: 'system',
  barged: 'system',
  '*': '',
};

/** Amazon Connect contact trace records: JSON objects, one per line or concatenated. */
export const connectCtr = {
  name: 'connect_ctr',
  detect(s: Sample): boolean {
    const o = s.firstObject;
    return (
      s.kind === 'json' &&
      !!o &&
      ('AWSContactTraceRecordFormatVersion' in o || ('ContactId' in o && 'InitiationMethod' in o))
    );
  },
  plan(): FormatPlan {
    return {
      name: this.name,
      reader: { kind: 'json' },
      rules: {
        record_id: 'ContactId',
        version: 'LastUpdateTimestamp',
        // A transfer starts a new contact in the chain of its InitialContactId: one call.
        fold_key: { column: ['InitialContactId', 'ContactId'] },
        call_id: { column: ['InitialContactId', 'ContactId'] },
        started_at: 'InitiationTimestamp',
        answered_at: 'ConnectedToSystemTimestamp',
        ended_at: 'DisconnectTimestamp',
        disposition: { column: 'DisconnectReason', values: UNANSWERED },
        hangup_by: { column: 'DisconnectReason', values: PARTY },
        hangup_cause: 'DisconnectReason',
        answered_by: {
          column: 'AnsweringMachineDetectionStatus',
          values: {
            human_answered: 'human',
            voicemail_beep: 'machine',
            voicemail_no_beep: 'machine',
            fax_machine_detected: 'machine',
            '*': '',
          },
        },
        agent_id: 'Agent.Username',
        campaign: { column: ['Campaign.CampaignId', 'Queue.Name'] },
        script_id: { column: ['Attributes.script_id', 'Attributes.ScriptId'] },
        caller_number: 'SystemEndpoint.Address',
        callee_id: 'CustomerEndpoint.Address',
        skip: { column: 'Channel', values: { voice: '', '*': 'non-voice contact (chat or task), not a call' } },
        // The chain's initial contact decides (transfers say TRANSFER).
        direction: { column: 'InitiationMethod', values: { inbound: 'inbound', '*': '' } },
      },
      answeredWhenAnswerTime: true,
      beforeFold: ['format_connect_chain'],
      foldReason: 'transfer contacts folded into their chain (same InitialContactId)',
    };
  },
};
