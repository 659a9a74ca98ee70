-- ab_campaign_scripts: every script that has calls in the given campaigns (all campaigns when
-- the list is empty), whatever the other filters; what a `script` filter of /api/ab may name.
-- params: $campaign (VARCHAR[]). returns rows: script.
SELECT DISTINCT script_id AS script FROM calls
WHERE script_id IS NOT NULL AND (len($campaign::VARCHAR[]) = 0 OR campaign IN (SELECT unnest($campaign::VARCHAR[])))
ORDER BY script;
