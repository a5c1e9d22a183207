-- The multi-tenant guide's tables, created and distributed by the application's own migration.
-- Flyway runs a migration in one transaction: creating several distributed tables in one transaction
-- needs Citus to use one connection per worker for it.
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

-- tag::spring-boot-migration[]
CREATE TABLE users (
    id         bigint PRIMARY KEY,
    email      text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
SELECT create_distributed_table('users', 'id');

CREATE TABLE event_types (
    name        text PRIMARY KEY,
    description text NOT NULL
);
SELECT create_reference_table('event_types');

CREATE TABLE user_sessions (
    owner_id   bigint NOT NULL,
    id         bigserial,
    token      text NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (owner_id, id),
    UNIQUE (owner_id, token)
);
SELECT create_distributed_table('user_sessions', 'owner_id', colocate_with => 'users');

CREATE TABLE events (
    owner_id   bigint NOT NULL,
    id         bigserial,
    event_type text NOT NULL REFERENCES event_types (name),
    session_id bigint,
    payload    jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_id, id)
);
SELECT create_distributed_table('events', 'owner_id', colocate_with => 'users');
-- end::spring-boot-migration[]
