-- customer_attribute_names: free-form customer attributes loaded from customers files (breakdown
-- dimensions beyond segment and age band). No parameters. Returns rows: name, customers.
SELECT name, count(*)::INTEGER AS customers FROM dim_customer_attrs GROUP BY name ORDER BY name;
