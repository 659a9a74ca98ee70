-- audit_add: one audit log row. params: $actor, $role, $action, $target, $file_name, $sha256, $counts, $outcome.
INSERT INTO audit_log (audit_id, logged_at, actor, role, action, target, file_name, sha256, counts, outcome)
VALUES (nextval('audit_id_seq')::INTEGER, now(), $actor, $role, $action, $target, $file_name, $sha256, $counts, $outcome);
