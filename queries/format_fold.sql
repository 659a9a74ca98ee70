-- format_fold: one staged call per fold group of `mapped` (rows sharing fold_key, else each row
-- alone). The row that speaks for the call:
-- the source's own first record (record_id = fold_key), never a child leg, the answered attempt,
-- the newest version, the latest end. The call starts at the group's first start; when rows were
-- merged, ring time is left to be derived from that start.
-- No parameters; format_fold_count.sql counts what this merges.
INSERT INTO staged_text BY NAME
WITH live AS (
  SELECT *, coalesce(fold_key, call_id) AS g FROM mapped WHERE skip IS NULL AND reject IS NULL
), ranked AS (
  -- One window (one sort) for the group size, the group's first start and the speaker.
  SELECT *,
    count(*) OVER w AS n,
    arg_min(started_at, try_cast(started_at AS TIMESTAMPTZ)) OVER w AS first_start,
    row_number() OVER w AS pos
  FROM live
  WINDOW w AS (PARTITION BY g ORDER BY coalesce(record_id = fold_key, false) DESC,
               coalesce(leg = 'child', false), disposition = 'answered' DESC NULLS LAST,
               version DESC NULLS LAST, try_cast(ended_at AS TIMESTAMPTZ) DESC NULLS LAST, rec_no DESC
               ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
)
SELECT rec_no, line_no, NULL AS parse_error, raw_line, g AS call_id,
  coalesce(first_start, started_at) AS started_at, answered_at, ended_at,
  CASE WHEN n = 1 THEN ring_seconds END AS ring_seconds, talk_seconds, disposition, answered_by, hangup_by,
  hangup_cause, campaign, script_id, agent_id, caller_number, number_tag, callee_id, segment, age_band, outcome
FROM ranked WHERE pos = 1
UNION ALL BY NAME
SELECT rec_no, line_no, reject AS parse_error, raw_line, call_id, started_at, answered_at, ended_at, ring_seconds,
  talk_seconds, disposition, answered_by, hangup_by, hangup_cause, campaign, script_id, agent_id, caller_number,
  number_tag, callee_id, segment, age_band, outcome
FROM mapped WHERE skip IS NULL AND reject IS NOT NULL;
