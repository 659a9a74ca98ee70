-- ingest_stage_json: reads JSON lines one line at a time (a bad line is rejected, not fatal),
-- and pulls the canonical fields out as text. params: $path.
CREATE OR REPLACE TEMP TABLE staged_text AS
WITH lines AS (
  SELECT row_number() OVER () AS rec_no, line
  FROM read_csv($path, columns = {'line': 'VARCHAR'}, header = false, delim = E'\x01', quote = '',
                escape = '', auto_detect = false)
), parsed AS (SELECT rec_no, line, try(json(line)) AS j FROM lines WHERE trim(line) <> '')
SELECT rec_no, rec_no AS line_no,
  CASE WHEN j IS NULL OR json_type(j) <> 'OBJECT' THEN 'line ' || rec_no || ': not a JSON object' END AS parse_error,
  line AS raw_line,
  j ->> 'call_id' AS call_id, j ->> 'started_at' AS started_at, j ->> 'answered_at' AS answered_at,
  j ->> 'ended_at' AS ended_at, j ->> 'ring_seconds' AS ring_seconds, j ->> 'talk_seconds' AS talk_seconds,
  j ->> 'disposition' AS disposition, j ->> 'answered_by' AS answered_by, j ->> 'hangup_by' AS hangup_by,
  j ->> 'hangup_cause' AS hangup_cause, j ->> 'campaign' AS campaign, j ->> 'script_id' AS script_id,
  j ->> 'agent_id' AS agent_id, j ->> 'caller_number' AS caller_number, j ->> 'number_tag' AS number_tag,
  j ->> 'callee_id' AS callee_id, j ->> 'segment' AS segment, j ->> 'age_band' AS age_band,
  j ->> 'outcome' AS outcome, j ->> 'direction' AS direction
FROM parsed;
