-- ab_control_marks: the scripts a scripts file marks as the control of their A/B view
-- (dim_scripts.is_control). No parameters. Returns rows: script.
SELECT script_id AS script FROM dim_scripts WHERE is_control ORDER BY script_id;
