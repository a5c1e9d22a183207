-- A migration Citus refuses, for RefusedMigrationIT: invitations is distributed by owner_id, but its
-- UNIQUE (email) does not include owner_id. Each shard could only check the emails of its own rows, so
-- Citus refuses to distribute the table. The fix: UNIQUE (owner_id, email).
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
SELECT create_distributed_table('users', 'id');

CREATE TABLE invitations (
    owner_id bigint NOT NULL,
    id       bigserial,
    email    text NOT NULL,
    PRIMARY KEY (owner_id, id),
    UNIQUE (email)
);
SELECT create_distributed_table('invitations', 'owner_id', colocate_with => 'users');
