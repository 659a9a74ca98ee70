-- users_remove: deletes one user (its token stops working). params: $name.
DELETE FROM users WHERE name = $name;
