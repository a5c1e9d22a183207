-- The multi-tenant guide with a schema per tenant (schema-based sharding, Citus 12+): the schema is the
-- tenant, so no table carries a tenant column and every query of one tenant runs on one node. Each
-- distributed schema is a colocation group of its own: all of a tenant's tables live together.

-- tag::schema-per-tenant-schema[]
-- Shared by every tenant: a reference table, with a copy on every node.
CREATE TABLE event_types (
    name        text PRIMARY KEY,
    description text NOT NULL
);
SELECT create_reference_table('event_types');

-- From now on every new schema is a tenant, a distributed schema: ALTER SYSTEM for every session of the
-- coordinator (the application's too) once reloaded, SET for the rest of this script right away.
ALTER SYSTEM SET citus.enable_schema_based_sharding = on;
SELECT pg_reload_conf();
SET citus.enable_schema_based_sharding = on;

CREATE SCHEMA tenant_acme;

-- No tenant column, no composite keys: UNIQUE (email) is unique within the tenant, as it reads.
CREATE TABLE tenant_acme.users (
    id         bigint PRIMARY KEY,
    email      text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tenant_acme.user_sessions (
    id         bigserial PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES tenant_acme.users (id),
    token      text NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL
);

-- Foreign keys to the tenant's own tables and to the reference table.
CREATE TABLE tenant_acme.events (
    id         bigserial PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES tenant_acme.users (id),
    event_type text NOT NULL REFERENCES event_types (name),
    session_id bigint REFERENCES tenant_acme.user_sessions (id),
    payload    jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);
-- end::schema-per-tenant-schema[]

-- The second tenant: the same tables, in its own schema. Top-level CREATE TABLE statements: a table
-- that dynamic SQL (EXECUTE in a function or a DO block) creates in a distributed schema is not
-- distributed, it stays a plain table on the coordinator (assertThatSchema(..).isDistributedSchema() says so).
CREATE SCHEMA tenant_globex;

CREATE TABLE tenant_globex.users (
    id         bigint PRIMARY KEY,
    email      text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tenant_globex.user_sessions (
    id         bigserial PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES tenant_globex.users (id),
    token      text NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL
);

CREATE TABLE tenant_globex.events (
    id         bigserial PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES tenant_globex.users (id),
    event_type text NOT NULL REFERENCES event_types (name),
    session_id bigint REFERENCES tenant_globex.user_sessions (id),
    payload    jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);

-- The event types every tenant's events refer to: lookup rows the schema seeds. @CitusCluster's default
-- clean state (TableCleanup.RESTORE) brings them back before every test, whatever a test did to them.
INSERT INTO event_types (name, description) VALUES
    ('login', 'A login event'),
    ('purchase', 'A purchase event'),
    ('logout', 'A logout event');
