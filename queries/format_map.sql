-- format_map: applies a format's field rules to every raw record (see format_macros.sql), giving
-- canonical text columns plus the helper columns that folding needs:
--   fold_key      rows sharing it are one call (Asterisk linkedid, Twilio parent Sid, ...)
--   leg           'child' for legs that never represent the call (Twilio outbound-dial)
--   version       newer copies of one record win (Connect LastUpdateTimestamp)
--   record_id     the source's own record id (Connect ContactId)
--   skip          non-null: the row is not a call (totals row, chat contact); its value is the reason
--   reject        non-null: the row is a call we refuse, with this reason
--   party_*       hang-up party by channel comparison (Asterisk hangupsource vs channel/dstchannel)
--   total_seconds start-to-end duration; ring = total - talk when ring is not given
-- params: one rule STRUCT per column ($call_id ... $total_seconds) and $opts STRUCT(
--   answered_when_answer_time BOOLEAN, system_causes VARCHAR[]).
CREATE OR REPLACE TEMP TABLE mapped AS
WITH picked AS (
  SELECT rec_no, line_no, rec,
    pick(rec, $call_id) AS call_id, pick(rec, $started_at) AS started_at, pick(rec, $answered_at) AS answered_at,
    pick(rec, $ended_at) AS ended_at, pick(rec, $ring_seconds) AS ring_seconds, pick(rec, $talk_seconds) AS talk_seconds,
    pick(rec, $disposition) AS disposition, pick(rec, $answered_by) AS answered_by, pick(rec, $hangup_by) AS hangup_by,
    pick(rec, $hangup_cause) AS hangup_cause, pick(rec, $campaign) AS campaign, pick(rec, $script_id) AS script_id,
    pick(rec, $agent_id) AS agent_id, pick(rec, $caller_number) AS caller_number, pick(rec, $number_tag) AS number_tag,
    pick(rec, $callee_id) AS callee_id, pick(rec, $segment) AS segment, pick(rec, $age_band) AS age_band,
    pick(rec, $outcome) AS outcome,
    pick(rec, $fold_key) AS fold_key, pick(rec, $leg) AS leg, pick(rec, $version) AS version,
    pick(rec, $record_id) AS record_id, pick(rec, $skip) AS skip, pick(rec, $reject) AS reject,
    pick(rec, $party_source) AS party_source, pick(rec, $party_callee) AS party_callee, pick(rec, $party_agent) AS party_agent,
    pick(rec, $total_seconds) AS total_seconds
  FROM raw
), timed AS (
  SELECT * REPLACE (norm_ts(started_at) AS started_at, norm_ts(answered_at) AS answered_at, norm_ts(ended_at) AS ended_at,
                    norm_dur(ring_seconds) AS ring_seconds, norm_dur(talk_seconds) AS talk_seconds,
                    norm_dur(total_seconds) AS total_seconds)
  FROM picked
)
SELECT rec_no, line_no, rec::VARCHAR AS raw_line,
  -- No id in the source: a hash of the whole record, so the same row dropped twice is a duplicate.
  coalesce(call_id, 'r:' || left(md5(rec::VARCHAR), 24)) AS call_id,
  started_at, answered_at, ended_at,
  -- Ring = total - talk where a source gives both durations (Asterisk duration - billsec).
  -- (greatest() skips NULLs, so the total is tested first.)
  coalesce(ring_seconds, CASE WHEN try_cast(total_seconds AS DOUBLE) IS NOT NULL THEN
    CAST(greatest(try_cast(total_seconds AS DOUBLE) - coalesce(try_cast(talk_seconds AS DOUBLE), 0), 0) AS VARCHAR) END) AS ring_seconds,
  talk_seconds,
  -- The telephony answer signal beats agent dispositions where the format says so.
  CASE WHEN $opts.answered_when_answer_time AND answered_at IS NOT NULL THEN 'answered' ELSE disposition END AS disposition,
  answered_by,
  CASE WHEN hangup_by = 'callee' THEN 'callee'
       WHEN list_contains($opts.system_causes, upper(hangup_cause)) THEN 'system'
       WHEN hangup_by IS NOT NULL THEN hangup_by
       WHEN party_source IS NOT NULL AND party_source = party_callee THEN 'callee'
       WHEN party_source IS NOT NULL AND party_source = party_agent THEN 'agent'
  END AS hangup_by,
  hangup_cause, campaign, script_id, agent_id, caller_number, number_tag, callee_id, segment, age_band, outcome,
  fold_key, leg, version, record_id, skip, reject
FROM timed;
