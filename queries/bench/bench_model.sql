-- bench_model: the planted effects of sample-data/model.ts (and the dial mix of generate.ts) as one
-- row, so the SQL call generator (bench_macros.sql) reads the same constants the JS generator
-- does. Lists are 1-based: number i is caller number i - 1 of generate.ts, agent i + 1 is
-- a<i> (agents[1] is the new hire). Weighted choices are pick tables (generate-sql.ts pickTable); the age
-- band tables of the segments are stored back to back.
-- Built by sample-data/generate-sql.ts.
CREATE OR REPLACE TEMP TABLE bench_model AS
SELECT
  $lut_segment::INTEGER[] AS segment_lut, $cum_segment::DOUBLE[] AS segment_cum, $nxt_segment::INTEGER[] AS segment_nxt, $seg_keys::VARCHAR[] AS seg_keys, $white_collar::INTEGER AS white_collar,
  $lut_age::INTEGER[] AS age_lut, $cum_age::DOUBLE[] AS age_cum, $nxt_age::INTEGER[] AS age_nxt, $age_bands::VARCHAR[] AS age_bands, len($age_bands::VARCHAR[]) AS age_n, $age_effect::DOUBLE[] AS age_effect,
  $seg_hour_effect::DOUBLE[][] AS seg_hour_effect,
  $lut_campaign::INTEGER[] AS campaign_lut, $cum_campaign::DOUBLE[] AS campaign_cum, $nxt_campaign::INTEGER[] AS campaign_nxt, $campaigns::VARCHAR[] AS campaigns,
  $lut_hour::INTEGER[] AS hour_lut, $cum_hour::DOUBLE[] AS hour_cum, $nxt_hour::INTEGER[] AS hour_nxt, $hours::INTEGER[] AS hours,
  $lut_script::INTEGER[] AS script_lut, $cum_script::DOUBLE[] AS script_cum, $nxt_script::INTEGER[] AS script_nxt, $lut_script_work::INTEGER[] AS script_work_lut, $cum_script_work::DOUBLE[] AS script_work_cum, $nxt_script_work::INTEGER[] AS script_work_nxt, $scripts::VARCHAR[] AS scripts, $script_effect::DOUBLE[] AS script_effect,
  $numbers::VARCHAR[] AS numbers, $number_tag::VARCHAR[] AS number_tag, $number_answer::DOUBLE[] AS number_answer,
  $number_reject::DOUBLE[] AS number_reject, $number_hangup::DOUBLE[] AS number_hangup,
  $agents::VARCHAR[] AS agents, $agent_bad::BOOLEAN[] AS agent_bad, $bad_agent_effect::DOUBLE AS bad_agent_effect,
  $base_logit::DOUBLE AS base_logit, $frequency_effect::DOUBLE AS frequency_effect,
  $burned_number::INTEGER AS burned_number, $agent_count::INTEGER AS agent_count,
  $days::INTEGER AS days, $start_epoch::BIGINT AS start_epoch;
