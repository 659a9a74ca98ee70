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
  -- "each rule" lists repeat their template once per canonical and helper column (stage-mapped.ts).
  SELECT rec_no, line_no, rec, {{each rule: rule_raw(vals, $@) AS @}} FROM parsed
), extracted AS (
  SELECT rec_no, line_no, rec, got.callee_id AS callee_raw, {{each rule: rule_extract(@, $@) AS @}} FROM got
), picked AS (
  SELECT rec_no, line_no, rec, callee_raw, {{each rule: rule_map(@, $@) AS @}} FROM extracted
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
  hangup_cause, campaign, script_id, agent_id, caller_number, number_tag,
  -- A callee key (a rejects file writes one in place of the callee's number,
  -- format_rejects_as_written.sql) stays the callee where the rule's pattern is made for numbers
  -- (FreeSWITCH's): the fixed file dropped in again keeps its callee. One column, no regex.
  CASE WHEN callee_id IS NULL AND starts_with(callee_raw, 'h:') AND length(callee_raw) = 26 THEN callee_raw
       ELSE callee_id END AS callee_id,
  segment, age_band, outcome, fold_key, leg, version, record_id, skip, reject, leg_id, other_leg, epoch,
  -- Asterisk writes calls the PBX itself answered (an inbound caller) with answer = start; only the
  -- call's first leg counts (format_fold): a bridged leg is answered at its own start on every call.
  coalesce(lower(direction), CASE WHEN $opts.inbound_answered_at_start AND answered_at = started_at THEN 'inbound' END) AS direction
FROM timed;
