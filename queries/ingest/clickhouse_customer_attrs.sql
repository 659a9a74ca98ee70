-- clickhouse_customer_attrs: every customer attribute, shipped whole to ClickHouse for the
-- attribute breakdown. No parameters. Returns rows: callee_id, name, value.
SELECT callee_id, name, value FROM dim_customer_attrs ORDER BY name, callee_id;
