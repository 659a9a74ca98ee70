-- audit_recent: the newest audit log rows. params: $limit.
SELECT audit_id AS "auditId", strftime(logged_at, '%Y-%m-%dT%H:%M:%S%z') AS "at", actor, role, action, target,
       file_name AS "fileName", sha256, counts, outcome
FROM audit_log ORDER BY audit_id DESC LIMIT $limit::INTEGER;
