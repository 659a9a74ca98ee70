-- bench_macros: the benchmark's call generator in SQL (npm run bench), the same model as
-- sample-data/generate.ts: callees with a segment, age band, campaign and 1-10 dials days apart,
-- then per dial hour, script, agent, caller number, disposition and an early hang-up drawn from
-- the planted log-odds (bench_model holds the constants). Random numbers are hashes of
-- (seed, callee, dial, stream), so any callee range can be made on its own, in any order, and
-- 100 M calls come out in batches without a sequential random stream. No lambdas per row
-- (list_filter costs about 1 µs a row): weighted picks go through a lookup list.

-- A uniform draw in [0, 1) for (seed, a, b, stream). The stream is mixed in by a second hash:
-- DuckDB's multi-argument hash() combines its last argument weakly (draws of streams 7 and 10
-- correlated at 0.88), a hash of the xor does not.
CREATE OR REPLACE TEMP MACRO bench_u(seed, a, b, s) AS
  hash(xor(hash(seed::BIGINT, a::BIGINT, b::BIGINT), s::UBIGINT))::DOUBLE / 18446744073709551616.0;

-- Index (1-based) of the weighted choice for draw u: the first item whose cumulative share is
-- above u (generate.ts `pick`), exactly. Pick tables come from generate-sql.ts `pickTable`:
-- lut = the answer at the start of each of 4096 buckets, cum = cumulative shares, nxt = the
-- next item of positive weight; every positive share exceeds 1/4096, so at most one boundary
-- lies inside a bucket. lo/co offset into tables stored back to back (age bands per segment).
-- Flat lists, never a list picked per row: extracting a 4096-long list per row copies it.
CREATE OR REPLACE TEMP MACRO bench_pick_at(cum, nxt, co, i, u) AS
  CASE WHEN u >= cum[co + i] THEN nxt[co + i] ELSE i END;
CREATE OR REPLACE TEMP MACRO bench_pick(lut, cum, nxt, lo, co, u) AS
  bench_pick_at(cum, nxt, co, lut[lo + floor(u * 4096)::INTEGER + 1], u);

-- The stored callee key of a phone number that is already bare digits and not 86-prefixed (the
-- generator's 11-digit mobiles): callee_key's HMAC without its clean-up regexes, which cost three
-- quarters of the hashing time. generate-sql.test.ts checks it equals what ingest stores.
CREATE OR REPLACE TEMP MACRO bench_phone_key(digits, ipad, opad) AS
  'h:' || left(sha256(opad || unhex(sha256(ipad || encode(digits)))), 24);

-- The dials of callees c0 <= c < c1 (1-based, as generate.ts counts callees), numbered from
-- n0 + 1 in (callee, dial) order and cut at n_total. callee_id is the raw value (a phone or a
-- CUST- key); with pads given it is the stored key (phones as HMAC), made once per callee.
CREATE OR REPLACE TEMP MACRO bench_dials(seed, c0, c1, n0, n_total, ipad, opad) AS TABLE
WITH RECURSIVE callees AS (
  SELECT c, seg_i, age_i, campaign, planned, day0, callee_raw,
    CASE WHEN ipad IS NULL OR NOT is_phone THEN callee_raw ELSE bench_phone_key(callee_raw, ipad, opad) END AS callee_id
  FROM (
    SELECT c, seg_i,
      bench_pick(m.age_lut, m.age_cum, m.age_nxt, (seg_i - 1) * 4096, (seg_i - 1) * m.age_n, bench_u(seed, c, 0, 2)) AS age_i,
      bench_u(seed, c, 0, 3) < 0.85 AS is_phone,
      CASE WHEN bench_u(seed, c, 0, 3) < 0.85
           THEN '1' || (3 + floor(bench_u(seed, c, 0, 4) * 7))::INTEGER::VARCHAR
                || lpad(floor(bench_u(seed, c, 0, 5) * 1e9)::BIGINT::VARCHAR, 9, '0')
           ELSE 'CUST-' || seed::VARCHAR || '-' || c::VARCHAR END AS callee_raw,
      m.campaigns[bench_pick(m.campaign_lut, m.campaign_cum, m.campaign_nxt, 0, 0, bench_u(seed, c, 0, 6))] AS campaign,
      1 + least(9, floor(ln(greatest(bench_u(seed, c, 0, 7), 1e-300)) / ln(0.55)))::INTEGER AS planned,
      floor(bench_u(seed, c, 0, 8) * m.days)::INTEGER AS day0
    FROM (SELECT range AS c, bench_pick(b.segment_lut, b.segment_cum, b.segment_nxt, 0, 0, bench_u(seed, range, 0, 1)) AS seg_i
          FROM range(c0::BIGINT, c1::BIGINT), bench_model b), bench_model m
  )
),
-- Dial k (0-based) of a callee: a Sunday is skipped to Monday with chance 0.6 (later dials move
-- with it), hour and second of the day, then the next dial 1 + Exp(mean 6) days later; stop
-- after the planned count or past the sample's end (generate.ts sampleLines). hist holds the
-- callee's earlier dial times for nth_call_30d.
firsts AS (
  SELECT c, planned, day0 + CASE WHEN (day0 + 1) % 7 = 0 AND bench_u(seed, c, 1, 20) < 0.6 THEN 1 ELSE 0 END AS day
  FROM callees
),
steps(c, k, day, hour, t, hist, planned) AS (
  SELECT c, k, day, hour, start_epoch + day * 86400 + hour * 3600 + floor(bench_u(seed, c, 1, 2) * 3600)::BIGINT, hist, planned
  FROM (
    SELECT c, 0 AS k, day, m.hours[bench_pick(m.hour_lut, m.hour_cum, m.hour_nxt, 0, 0, bench_u(seed, c, 1, 1))] AS hour,
      []::BIGINT[] AS hist, planned, m.start_epoch
    FROM firsts, bench_model m
  )
  UNION ALL
  SELECT c, k, day, hour, start_epoch + day * 86400 + hour * 3600 + floor(bench_u(seed, c, k + 1, 2) * 3600)::BIGINT, hist, planned
  FROM (
    SELECT c, k, day, m.hours[bench_pick(m.hour_lut, m.hour_cum, m.hour_nxt, 0, 0, bench_u(seed, c, k + 1, 1))] AS hour, hist, planned, m.start_epoch
    FROM (
      SELECT c, k, raw + CASE WHEN (raw + 1) % 7 = 0 AND bench_u(seed, c, k + 1, 20) < 0.6 THEN 1 ELSE 0 END AS day, hist, planned
      FROM (
        SELECT s.c, s.k + 1 AS k, s.day + 1 + floor(-ln(1 - bench_u(seed, s.c, s.k, 21)) * 6)::INTEGER AS raw,
          list_append(s.hist, s.t) AS hist, s.planned
        FROM steps s, bench_model b
        WHERE s.k + 1 < s.planned AND s.day < b.days
      )
    ), bench_model m
  )
),
timed AS (
  SELECT s.c, s.k, s.day, s.hour, s.t, cl.seg_i, cl.age_i, cl.campaign, cl.callee_id,
    -- nth_call_30d: this dial and the callee's earlier dials at most 30 days before it.
    1 + len(list_filter(s.hist, x -> x >= s.t - 2592000)) AS nth,
    n0 + row_number() OVER (ORDER BY s.c, s.k) AS n
  FROM steps s JOIN callees cl USING (c), bench_model m
  WHERE s.day < m.days
),
drawn AS (
  SELECT *,
    CASE WHEN seg_i = m.white_collar AND (hour BETWEEN 9 AND 11 OR hour BETWEEN 14 AND 17)
         THEN bench_pick(m.script_work_lut, m.script_work_cum, m.script_work_nxt, 0, 0, bench_u(seed, c, k + 1, 3)) ELSE bench_pick(m.script_lut, m.script_cum, m.script_nxt, 0, 0, bench_u(seed, c, k + 1, 3)) END AS script_i,
    CASE WHEN n % greatest(1, n_total // 5) = 0 THEN 0 ELSE 1 + floor(bench_u(seed, c, k + 1, 4) * m.agent_count)::INTEGER END AS agent_i,
    1 + floor(bench_u(seed, c, k + 1, 5) * 40)::INTEGER AS num_i,
    3 + floor(bench_u(seed, c, k + 1, 6) * 22)::INTEGER AS ring,
    bench_u(seed, c, k + 1, 7) AS u_disp
  FROM timed, bench_model m
  WHERE n <= n_total
),
judged AS (
  SELECT d.*,
    m.number_answer[num_i] * (CASE WHEN hour IN (12, 13) THEN 0.85 ELSE 1 END)
      * (CASE WHEN num_i = m.burned_number AND day >= m.days - 7 THEN 0.45 ELSE 1 END) AS p_answer,
    least(0.6, m.number_reject[num_i] * (CASE WHEN num_i = m.burned_number AND day >= m.days - 7 THEN 2.5 ELSE 1 END)) AS p_reject,
    m.base_logit + m.seg_hour_effect[seg_i][hour + 1] + m.age_effect[age_i] + m.number_hangup[num_i]
      + m.frequency_effect * (least(nth, 8) - 1) + m.script_effect[script_i]
      + CASE WHEN agent_i > 0 AND m.agent_bad[agent_i] THEN m.bad_agent_effect ELSE 0 END AS logit
  FROM drawn d, bench_model m
),
disposed AS (
  SELECT *,
    CASE WHEN u_disp < p_answer THEN 'answered' WHEN u_disp < p_answer + p_reject THEN 'rejected'
         WHEN u_disp < p_answer + p_reject + 0.06 THEN 'busy' WHEN u_disp < p_answer + p_reject + 0.075 THEN 'failed'
         ELSE 'no_answer' END AS disposition,
    bench_u(seed, c, k + 1, 8) < 0.03 AS machine,
    bench_u(seed, c, k + 1, 10) < 1 / (1 + exp(-logit)) AS early
  FROM judged
),
talked AS (
  SELECT *,
    CASE WHEN disposition <> 'answered' THEN 0
         WHEN machine THEN 4 + floor(bench_u(seed, c, k + 1, 9) * 15)::INTEGER
         WHEN early THEN 1 + floor(bench_u(seed, c, k + 1, 11) * 9)::INTEGER
         ELSE 10 + round(exp(3.2 + bench_u(seed, c, k + 1, 12) * 1.6 + bench_u(seed, c, k + 1, 13) * 0.8))::INTEGER END AS talk,
    bench_u(seed, c, k + 1, 14) AS u_party, bench_u(seed, c, k + 1, 15) AS u_outcome
  FROM disposed
)
SELECT n, t, ring, talk, disposition,
  CASE WHEN disposition <> 'answered' THEN NULL WHEN machine THEN 'machine' ELSE 'human' END AS answered_by,
  CASE WHEN disposition <> 'answered' THEN NULL WHEN machine THEN 'agent' WHEN early THEN 'callee'
       WHEN u_party < 0.4 THEN 'callee' WHEN u_party < 0.92 THEN 'agent' WHEN u_party < 0.95 THEN 'system' END AS hangup_by,
  CASE disposition WHEN 'no_answer' THEN 'NO_ANSWER' WHEN 'rejected' THEN 'CALL_REJECTED' WHEN 'busy' THEN 'USER_BUSY'
       WHEN 'failed' THEN 'NETWORK_OUT_OF_ORDER' ELSE 'NORMAL_CLEARING' END AS hangup_cause,
  campaign, m.scripts[script_i] AS script_id, m.agents[agent_i + 1] AS agent_id, m.numbers[num_i] AS caller_number,
  m.number_tag[num_i] AS number_tag, callee_id, m.seg_keys[seg_i] AS segment, m.age_bands[age_i] AS age_band,
  CASE WHEN disposition <> 'answered' OR machine THEN NULL WHEN early THEN 'declined'
       WHEN u_outcome < 0.09 THEN 'converted' WHEN u_outcome < 0.27 THEN 'interested' ELSE 'declined' END AS outcome,
  nth
FROM talked, bench_model m;
