-- format_pair_legs: FreeSWITCH writes each leg of a bridged call as its own row (legs=ab): the
-- A leg names its B leg in bleg_uuid (other_leg). A B leg folds into its A leg's call, and the
-- call takes answer, end, talk, disposition, hang-up cause and party from the B leg, the leg that
-- rang the callee (the A leg was answered by our side). When two legs name each other, the one
-- that started first is A. Run on `mapped` before folding. No parameters.
CREATE OR REPLACE TEMP TABLE leg_pairs AS
SELECT a.rec_no AS a_rec, b.rec_no AS b_rec, a.fold_key AS a_key
FROM mapped a JOIN mapped b ON b.leg_id = a.other_leg AND b.leg_id <> a.leg_id
WHERE a.skip IS NULL AND b.skip IS NULL
  AND NOT (coalesce(b.other_leg = a.leg_id, false)
           AND (coalesce(try_cast(b.started_at AS TIMESTAMPTZ) < try_cast(a.started_at AS TIMESTAMPTZ), false)
                OR (b.started_at IS NOT DISTINCT FROM a.started_at AND b.rec_no < a.rec_no)));
-- The B row that speaks for the callee: answered first, then the latest end.
UPDATE mapped SET
  answered_at = coalesce(b.answered_at, mapped.answered_at), ended_at = coalesce(b.ended_at, mapped.ended_at),
  talk_seconds = coalesce(b.talk_seconds, mapped.talk_seconds), disposition = coalesce(b.disposition, mapped.disposition),
  hangup_cause = coalesce(b.hangup_cause, mapped.hangup_cause), hangup_by = coalesce(b.hangup_by, mapped.hangup_by)
FROM (
  SELECT p.a_rec, m.answered_at, m.ended_at, m.talk_seconds, m.disposition, m.hangup_cause, m.hangup_by,
    row_number() OVER (PARTITION BY p.a_rec ORDER BY m.disposition = 'answered' DESC NULLS LAST,
                       try_cast(m.ended_at AS TIMESTAMPTZ) DESC NULLS LAST, m.rec_no DESC) AS k
  FROM leg_pairs p JOIN mapped m ON m.rec_no = p.b_rec
) b
WHERE mapped.rec_no = b.a_rec AND b.k = 1;
UPDATE mapped SET fold_key = p.a_key, leg = 'child'
FROM leg_pairs p WHERE mapped.rec_no = p.b_rec;
