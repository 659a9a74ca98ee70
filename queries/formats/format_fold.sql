-- format_fold: one staged call per fold group of `mapped` (rows sharing fold_key, else each row
-- alone). The row that speaks for the call:
-- the source's own first record (record_id = fold_key), never a child leg, the answered attempt,
-- the newest version, the latest end. The call starts at the group's first start; when rows were
-- merged, ring time is left to be derived from that start.
-- Direction and refusal are decided per call, never per leg: the call's direction is its first
-- leg's (leg_id = fold_key, else the source's own record, else the earliest start, else the first
-- row), and a call with a refused leg is refused once, with that leg's reason.
-- No parameters; format_fold_count.sql counts what this merges.
INSERT INTO staged_text BY NAME
WITH live AS (
  SELECT *, coalesce(fold_key, call_id) AS g FROM mapped WHERE skip IS NULL
), ranked AS (
  -- One window (one sort) for the group size, the group's first start, the first leg and the speaker.
  SELECT *,
    count(*) OVER w AS n,
    arg_min(started_at, try_cast(started_at AS TIMESTAMPTZ)) OVER w AS first_start,
    arg_min_null(direction, {
      not_first: NOT coalesce(leg_id = fold_key, false), not_own: NOT coalesce(record_id = fold_key, false),
      child: coalesce(leg = 'child', false),
      start_ts: coalesce(try_cast(started_at AS TIMESTAMPTZ), 'infinity'::TIMESTAMPTZ), rec: rec_no}) OVER w AS call_direction,
    min(reject) OVER w AS call_reject,
    row_number() OVER w AS pos
  FROM live
  WINDOW w AS (PARTITION BY g ORDER BY coalesce(record_id = fold_key, false) DESC,
               coalesce(leg = 'child', false), disposition = 'answered' DESC NULLS LAST,
               version DESC NULLS LAST, try_cast(ended_at AS TIMESTAMPTZ) DESC NULLS LAST, rec_no DESC
               ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
)
SELECT rec_no, line_no, call_reject AS parse_error, raw_line, g AS call_id,
  coalesce(first_start, started_at) AS started_at, answered_at, ended_at,
  CASE WHEN n = 1 THEN ring_seconds END AS ring_seconds, talk_seconds, disposition, answered_by, hangup_by,
  hangup_cause, campaign, script_id, agent_id, caller_number, number_tag, callee_id, segment, age_band, outcome,
  call_direction AS direction
FROM ranked WHERE pos = 1;
