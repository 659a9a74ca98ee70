-- script_texts: the opening line of every known script, for showing next to script results.
-- No parameters. Returns rows: scriptId, campaign, text.
SELECT script_id AS "scriptId", campaign, opening_line AS text FROM dim_scripts ORDER BY script_id;
