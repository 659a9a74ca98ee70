-- format_connect_chain: Amazon Connect specifics before folding. Records are delivered at least
-- once: of the copies of one ContactId keep the newest LastUpdateTimestamp. A transfer starts a
-- new contact with the same InitialContactId; the chain is one call whose end, disconnect reason
-- and hang-up party are those of its last contact. No parameters.
CREATE OR REPLACE TEMP TABLE redelivered AS
SELECT rec_no FROM (
  SELECT rec_no, row_number() OVER (PARTITION BY record_id
           ORDER BY try_cast(version AS TIMESTAMPTZ) DESC NULLS LAST, rec_no DESC) AS k
  FROM mapped WHERE record_id IS NOT NULL AND skip IS NULL
) WHERE k > 1;
INSERT INTO fold_notes
SELECT 're-delivered contact record (same ContactId; the newest LastUpdateTimestamp kept)', count(*)::INTEGER
FROM redelivered HAVING count(*) > 0;
DELETE FROM mapped WHERE rec_no IN (SELECT rec_no FROM redelivered);
UPDATE mapped SET ended_at = l.ended_at, hangup_by = l.hangup_by, hangup_cause = l.hangup_cause
FROM (
  SELECT fold_key, count(*) AS n,
         arg_max(ended_at, try_cast(started_at AS TIMESTAMPTZ)) AS ended_at,
         arg_max(hangup_by, try_cast(started_at AS TIMESTAMPTZ)) AS hangup_by,
         arg_max(hangup_cause, try_cast(started_at AS TIMESTAMPTZ)) AS hangup_cause
  FROM mapped WHERE skip IS NULL AND reject IS NULL GROUP BY fold_key
) l
WHERE mapped.fold_key = l.fold_key AND mapped.record_id = mapped.fold_key AND l.n > 1;
