-- dim_scripts_load: stores scripts (k = script_id, a = campaign, b = opening-line text in full).
-- A script id already known is replaced by the newer file's row. params: $ingest_id.
INSERT OR REPLACE INTO dim_scripts
SELECT k, a, b, $ingest_id::INTEGER FROM dim_rows WHERE reason IS NULL
QUALIFY row_number() OVER (PARTITION BY k ORDER BY rec_no DESC) = 1;
