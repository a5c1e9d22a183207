-- The multi-tenant SaaS model of the examples.
--
-- Every row belongs to a tenant (a user). Every table a tenant owns is distributed by the tenant key and
-- colocated with users: shard n of each of them holds the same range of tenant ids, on the same worker.
-- So a query filtered by one tenant runs on one worker, and a join on the tenant key never moves rows
-- between workers. Tables every tenant reads are reference tables: a full copy on every node.
--
-- Citus's rule for keys: a PRIMARY KEY or UNIQUE constraint must include the distribution column, because
-- each shard can only check uniqueness among its own rows. Hence the composite keys below
-- (broken-unique-schema.sql shows what the kit reports when a schema breaks the rule).

-- tag::multi-tenant-schema[]
-- The tenants, distributed by their own id: the primary key is the distribution column.
CREATE TABLE users (
    id         bigint PRIMARY KEY,
    -- Not UNIQUE: a unique email would need an index across all shards, which Citus cannot enforce.
    email      text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
SELECT create_distributed_table('users', 'id');

-- Small and read by every tenant: a reference table, so joins with it run next to each shard.
CREATE TABLE event_types (
    name        text PRIMARY KEY,
    description text NOT NULL
);
SELECT create_reference_table('event_types');

-- A tenant's sessions. The token is unique per tenant: UNIQUE (token) alone would be refused.
CREATE TABLE user_sessions (
    owner_id   bigint NOT NULL,
    id         bigserial,
    token      text NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (owner_id, id),
    UNIQUE (owner_id, token)
);
SELECT create_distributed_table('user_sessions', 'owner_id', colocate_with => 'users');

-- A tenant's events: PRIMARY KEY (id) alone would be refused, (owner_id, id) is accepted.
CREATE TABLE events (
    owner_id   bigint NOT NULL,
    id         bigserial,
    event_type text NOT NULL,
    session_id bigint,
    payload    jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_id, id)
);
SELECT create_distributed_table('events', 'owner_id', colocate_with => 'users');
-- end::multi-tenant-schema[]

-- Indexes lead with the distribution column: a shard holds many tenants, and a tenant's query, once
-- routed to its shard, finds that tenant's rows through the index.
CREATE INDEX events_owner_created_idx ON events (owner_id, created_at DESC);
CREATE INDEX events_owner_type_idx ON events (owner_id, event_type);
CREATE INDEX user_sessions_owner_expires_idx ON user_sessions (owner_id, expires_at);

-- Foreign keys between distributed tables must include the distribution column on both sides (each shard
-- checks its rows against the colocated shard on its own node). A foreign key to a reference table is
-- always possible: every node has a copy. They are added once the tables are distributed.
ALTER TABLE user_sessions ADD CONSTRAINT user_sessions_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id);
ALTER TABLE events ADD CONSTRAINT events_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id);
ALTER TABLE events ADD CONSTRAINT events_session_fk
    FOREIGN KEY (owner_id, session_id) REFERENCES user_sessions (owner_id, id);
ALTER TABLE events ADD CONSTRAINT events_type_fk FOREIGN KEY (event_type) REFERENCES event_types (name);

-- The event types every tenant's events refer to: lookup rows the schema seeds. @CitusCluster's default
-- clean state (TableCleanup.RESTORE) brings them back before every test, whatever a test did to them.
INSERT INTO event_types (name, description) VALUES
    ('login', 'A login event'),
    ('purchase', 'A purchase event'),
    ('logout', 'A logout event');
