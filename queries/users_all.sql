-- users_all: every user, for the token check and `users list`. No parameters.
SELECT name, role, token_id AS "tokenId", salt, token_hash AS "tokenHash",
       strftime(created_at, '%Y-%m-%dT%H:%M:%S%z') AS "createdAt"
FROM users ORDER BY name;
