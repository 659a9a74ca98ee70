-- format_fold_single: format_fold for files where no two rows share a fold group (checked by
-- format_fold_needed): every live row is a call, no ranking needed. Kept in step with format_fold.
-- No parameters.
INSERT INTO staged_text BY NAME
SELECT rec_no, line_no, reject AS parse_error, raw_line, coalesce(fold_key, call_id) AS call_id,
  started_at, answered_at, ended_at, ring_seconds, talk_seconds, disposition, answered_by, hangup_by,
  hangup_cause, campaign, script_id, agent_id, caller_number, number_tag, callee_id, segment, age_band, outcome,
  direction
FROM mapped WHERE skip IS NULL;
