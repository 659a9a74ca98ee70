-- format_freeswitch_direction: the direction of FreeSWITCH legs routed in a site's own context
-- (the format's direction rule marks them 'freeswitch_site_context'; the reasons are in
-- server/ingest/formats/freeswitch.ts). Such a leg is inbound when its caller reached an internal
-- target (the destination is not a phone number of 7 digits or more, nor an originate application
-- `&...`, nor a callee key: a rejects file writes one in place of a dialled number,
-- format_rejects_as_written.sql) or when the switch answered it at its own start, read from stamps
-- with seconds; a leg the switch originated (a `direction` column saying `outbound`) is a dial.
-- Every marked leg ends 'inbound' or NULL (outbound). Run on `mapped` before format_pair_legs,
-- which gives an A leg its B leg's answer time. Only the call's first leg counts (format_fold).
-- No parameters.
UPDATE mapped SET direction = CASE
    WHEN s.leg_direction = 'outbound' THEN NULL
    WHEN s.dest IS NOT NULL AND NOT starts_with(s.dest, '&') AND NOT starts_with(s.dest, 'h:')
         AND coalesce(length(phone_digits(s.dest)), 0) < 7
      THEN 'inbound'
    WHEN mapped.answered_at = mapped.started_at AND regexp_matches(s.start_text, ':[0-9]{2}:[0-9]{2}')
      THEN 'inbound'
  END
FROM (
  SELECT rec_no, blank_to_null(json_extract_string(raw_line, '$.destination_number')) AS dest,
    lower(blank_to_null(json_extract_string(raw_line, '$.direction'))) AS leg_direction,
    coalesce(json_extract_string(raw_line, '$.start_stamp'), '') AS start_text
  FROM mapped WHERE direction = 'freeswitch_site_context'
) s
WHERE mapped.rec_no = s.rec_no;
