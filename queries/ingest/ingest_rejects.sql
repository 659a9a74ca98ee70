-- ingest_rejects: the rejected rows of the current file with their reasons, every value as the file
-- wrote it (the text the reader staged, before any cast: talk_seconds 5 stays 5), so a data team
-- can fix the rows and drop the file in again; the caller writes them next to the data (COPY ...
-- TO a path the server builds itself). raw_line is the line where the reader gives it (a line it
-- could not split; a JSON line; a JSON dialer record as read: a dialer CSV's rejects are its own
-- rows instead, format_rejects_as_written.sql). The callee is its key (a phone number
-- hashed, as in calls: dropped in again it is the same key), numbers in the raw line are masked
-- (mask_phones) and every text cell is capped (reject_cell).
SELECT line_no AS line, reason, reject_cell(call_id) AS call_id, reject_cell(started_at_text) AS started_at,
       reject_cell(answered_at_text) AS answered_at, reject_cell(ended_at_text) AS ended_at,
       reject_cell(ring_seconds_text) AS ring_seconds, reject_cell(talk_seconds_text) AS talk_seconds,
       reject_cell(disposition) AS disposition, reject_cell(answered_by) AS answered_by, reject_cell(hangup_by) AS hangup_by,
       reject_cell(hangup_cause) AS hangup_cause, reject_cell(campaign) AS campaign, reject_cell(script_id) AS script_id,
       reject_cell(agent_id) AS agent_id, reject_cell(caller_number) AS caller_number, reject_cell(number_tag) AS number_tag,
       c_callee_id AS callee_id, reject_cell(segment) AS segment, reject_cell(age_band) AS age_band,
       reject_cell(outcome) AS outcome, reject_cell(direction) AS direction, reject_cell(mask_phones(raw_line)) AS raw_line
FROM checked WHERE bucket = 'rejected' ORDER BY line_no
