-- users_add: one user with the salted hash of its token. params: $name, $role, $token_id, $salt, $token_hash.
INSERT INTO users (name, role, token_id, salt, token_hash, created_at)
VALUES ($name, $role, $token_id, $salt, $token_hash, now());
