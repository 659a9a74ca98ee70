-- call_count: how many calls the store holds. No parameters. Returns one row: calls.
SELECT count(*)::INTEGER AS calls FROM calls;
