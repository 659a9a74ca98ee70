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
--   direction     'inbound' / 'outbound' / NULL (= outbound) per row; the call takes its first leg's
--   leg_id        the row's own leg id (Asterisk uniqueid, FreeSWITCH uuid): leg_id = fold_key is the first leg
--   other_leg     the id of the leg this row bridged to (FreeSWITCH bleg_uuid), for pairing legs
--   epoch         Unix seconds written beside the wall-clock start (Asterisk uniqueid): source timezone
-- params: $paths (VARCHAR[]: every JSON path the rules read), one rule STRUCT per column
-- ($call_id ... $total_seconds, indexing into $paths) and $opts STRUCT(
--   answered_when_answer_time BOOLEAN, system_causes VARCHAR[], inbound_answered_at_start BOOLEAN,
--   date_format VARCHAR: the user's strptime pattern or NULL).
CREATE OR REPLACE TEMP TABLE mapped AS
-- Three steps (read, extract, map) so each rule expression is planned once, not nested.
WITH parsed AS (
  SELECT rec_no, line_no, rec, json_extract_string(rec, $paths) AS vals FROM raw
), got AS (
  SELECT rec_no, line_no, rec,
    rule_raw(vals, $call_id) AS call_id, rule_raw(vals, $started_at) AS started_at, rule_raw(vals, $answered_at) AS answered_at,
    rule_raw(vals, $ended_at) AS ended_at, rule_raw(vals, $ring_seconds) AS ring_seconds, rule_raw(vals, $talk_seconds) AS talk_seconds,
    rule_raw(vals, $disposition) AS disposition, rule_raw(vals, $answered_by) AS answered_by, rule_raw(vals, $hangup_by) AS hangup_by,
    rule_raw(vals, $hangup_cause) AS hangup_cause, rule_raw(vals, $campaign) AS campaign, rule_raw(vals, $script_id) AS script_id,
    rule_raw(vals, $agent_id) AS agent_id, rule_raw(vals, $caller_number) AS caller_number, rule_raw(vals, $number_tag) AS number_tag,
    rule_raw(vals, $callee_id) AS callee_id, rule_raw(vals, $segment) AS segment, rule_raw(vals, $age_band) AS age_band,
    rule_raw(vals, $outcome) AS outcome, rule_raw(vals, $fold_key) AS fold_key, rule_raw(vals, $leg) AS leg,
    rule_raw(vals, $version) AS version, rule_raw(vals, $record_id) AS record_id, rule_raw(vals, $skip) AS skip,
    rule_raw(vals, $reject) AS reject, rule_raw(vals, $party_source) AS party_source, rule_raw(vals, $party_callee) AS party_callee,
    rule_raw(vals, $party_agent) AS party_agent, rule_raw(vals, $total_seconds) AS total_seconds,
    rule_raw(vals, $direction) AS direction, rule_raw(vals, $leg_id) AS leg_id, rule_raw(vals, $other_leg) AS other_leg,
    rule_raw(vals, $epoch) AS epoch
  FROM parsed
), extracted AS (
  SELECT rec_no, line_no, rec,
    rule_extract(call_id, $call_id) AS call_id, rule_extract(started_at, $started_at) AS started_at, rule_extract(answered_at, $answered_at) AS answered_at,
    rule_extract(ended_at, $ended_at) AS ended_at, rule_extract(ring_seconds, $ring_seconds) AS ring_seconds, rule_extract(talk_seconds, $talk_seconds) AS talk_seconds,
    rule_extract(disposition, $disposition) AS disposition, rule_extract(answered_by, $answered_by) AS answered_by, rule_extract(hangup_by, $hangup_by) AS hangup_by,
    rule_extract(hangup_cause, $hangup_cause) AS hangup_cause, rule_extract(campaign, $campaign) AS campaign, rule_extract(script_id, $script_id) AS script_id,
    rule_extract(agent_id, $agent_id) AS agent_id, rule_extract(caller_number, $caller_number) AS caller_number, rule_extract(number_tag, $number_tag) AS number_tag,
    rule_extract(callee_id, $callee_id) AS callee_id, rule_extract(segment, $segment) AS segment, rule_extract(age_band, $age_band) AS age_band,
    rule_extract(outcome, $outcome) AS outcome, rule_extract(fold_key, $fold_key) AS fold_key, rule_extract(leg, $leg) AS leg,
    rule_extract(version, $version) AS version, rule_extract(record_id, $record_id) AS record_id, rule_extract(skip, $skip) AS skip,
    rule_extract(reject, $reject) AS reject, rule_extract(party_source, $party_source) AS party_source, rule_extract(party_callee, $party_callee) AS party_callee,
    rule_extract(party_agent, $party_agent) AS party_agent, rule_extract(total_seconds, $total_seconds) AS total_seconds,
    rule_extract(direction, $direction) AS direction, rule_extract(leg_id, $leg_id) AS leg_id,
    rule_extract(other_leg, $other_leg) AS other_leg, rule_extract(epoch, $epoch) AS epoch
  FROM got
), picked AS (
  SELECT rec_no, line_no, rec,
    rule_map(call_id, $call_id) AS call_id, rule_map(started_at, $started_at) AS started_at, rule_map(answered_at, $answered_at) AS answered_at,
    rule_map(ended_at, $ended_at) AS ended_at, rule_map(ring_seconds, $ring_seconds) AS ring_seconds, rule_map(talk_seconds, $talk_seconds) AS talk_seconds,
    rule_map(disposition, $disposition) AS disposition, rule_map(answered_by, $answered_by) AS answered_by, rule_map(hangup_by, $hangup_by) AS hangup_by,
    rule_map(hangup_cause, $hangup_cause) AS hangup_cause, rule_map(campaign, $campaign) AS campaign, rule_map(script_id, $script_id) AS script_id,
    rule_map(agent_id, $agent_id) AS agent_id, rule_map(caller_number, $caller_number) AS caller_number, rule_map(number_tag, $number_tag) AS number_tag,
    rule_map(callee_id, $callee_id) AS callee_id, rule_map(segment, $segment) AS segment, rule_map(age_band, $age_band) AS age_band,
    rule_map(outcome, $outcome) AS outcome, rule_map(fold_key, $fold_key) AS fold_key, rule_map(leg, $leg) AS leg,
    rule_map(version, $version) AS version, rule_map(record_id, $record_id) AS record_id, rule_map(skip, $skip) AS skip,
    rule_map(reject, $reject) AS reject, rule_map(party_source, $party_source) AS party_source, rule_map(party_callee, $party_callee) AS party_callee,
    rule_map(party_agent, $party_agent) AS party_agent, rule_map(total_seconds, $total_seconds) AS total_seconds,
    lower(rule_map(direction, $direction)) AS direction, rule_map(leg_id, $leg_id) AS leg_id,
    rule_map(other_leg, $other_leg) AS other_leg, rule_map(epoch, $epoch) AS epoch
  FROM extracted
), timed AS (
  -- A dateFormat the user gave reads the raw text first (fmt_text is NULL without one).
  SELECT * REPLACE (coalesce(fmt_text(started_at, $opts.date_format), norm_ts(started_at)) AS started_at,
                    coalesce(fmt_text(answered_at, $opts.date_format), norm_ts(answered_at)) AS answered_at,
                    coalesce(fmt_text(ended_at, $opts.date_format), norm_ts(ended_at)) AS ended_at,
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
  fold_key, leg, version, record_id, skip, reject, leg_id, other_leg, epoch,
  -- Asterisk writes calls the PBX itself answered (an inbound caller) with answer = start; only the
  -- call's first leg counts (format_fold): a bridged leg is answered at its own start on every call.
  coalesce(direction, CASE WHEN $opts.inbound_answered_at_start AND answered_at = started_at THEN 'inbound' END) AS direction
FROM timed;
