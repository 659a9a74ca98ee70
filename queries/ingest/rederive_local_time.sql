-- rederive_local_time: recomputes the stored local date, hour and weekday when the business
-- timezone changes (a setting), so heatmaps follow the new zone. params: $business_tz.
UPDATE calls SET
  local_date = CAST(timezone($business_tz::VARCHAR, started_at) AS DATE),
  hour = hour(timezone($business_tz::VARCHAR, started_at)),
  weekday = isodow(timezone($business_tz::VARCHAR, started_at));
