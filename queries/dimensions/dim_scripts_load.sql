-- dim_scripts_load: stores scripts (k = script_id, a = campaign, b = opening-line text in full,
-- c = the control flag: true/yes/1/y/是 marks the default control of /api/ab).
-- A script id already known is replaced by the newer file's row. params: $ingest_id.
INSERT OR REPLACE INTO dim_scripts BY NAME
SELECT k AS script_id, a AS campaign, b AS opening_line, $ingest_id::INTEGER AS ingest_id,
       coalesce(lower(trim(c)) IN ('true', 'yes', 'y', '1', 'control', '是'), false) AS is_control
FROM dim_rows WHERE reason IS NULL
QUALIFY row_number() OVER (PARTITION BY k ORDER BY rec_no DESC) = 1;
