-- ingest_rejects: the rejected rows of the current file, as read, with their reasons; the caller
-- writes them next to the data (COPY ... TO a path the server builds itself). The callee is its
-- key (a phone number hashed, as in calls) and numbers in the raw line are masked (mask_phones).
SELECT line_no AS line, reason, call_id, started_at_text AS started_at, answered_at_text AS answered_at,
       ended_at_text AS ended_at, ring_seconds, talk_seconds,
       disposition, answered_by, hangup_by, hangup_cause, campaign, script_id, agent_id, caller_number,
       number_tag, c_callee_id AS callee_id, segment, age_band, outcome, mask_phones(raw_line) AS raw_line
FROM checked WHERE bucket = 'rejected' ORDER BY line_no
