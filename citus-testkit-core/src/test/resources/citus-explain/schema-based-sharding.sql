-- Schema-based sharding (Citus 12+): every tenant has its own schema, every table of a distributed
-- schema is a single-shard table in the schema's colocation group, placed on one node.
-- Recorded with citus.shard_count = 4 (set by the recording session), as the recordings of schema.sql.

-- Shared by every tenant: a reference table, with a copy on every node.
CREATE TABLE products (
    id   bigint PRIMARY KEY,
    name text NOT NULL
);
SELECT create_reference_table('products');

-- Row-based sharding next to it: a hash-distributed table.
CREATE TABLE events (
    owner_id bigint NOT NULL,
    id       bigint NOT NULL,
    kind     text NOT NULL,
    PRIMARY KEY (owner_id, id)
);
SELECT create_distributed_table('events', 'owner_id');

-- Two tenant schemas distributed when created, and one still empty.
SET citus.enable_schema_based_sharding TO on;
CREATE SCHEMA tenant_a;
CREATE SCHEMA tenant_b;
CREATE SCHEMA tenant_empty;
RESET citus.enable_schema_based_sharding;

CREATE TABLE tenant_a.customers (
    id   bigint PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE tenant_a.orders (
    id          bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES tenant_a.customers (id),
    product_id  bigint NOT NULL REFERENCES products (id),
    quantity    int NOT NULL
);
CREATE TABLE tenant_b.customers (
    id   bigint PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE tenant_b.orders (
    id          bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES tenant_b.customers (id),
    product_id  bigint NOT NULL REFERENCES products (id),
    quantity    int NOT NULL
);

-- A schema that existed first, distributed afterwards.
CREATE SCHEMA tenant_c;
CREATE TABLE tenant_c.orders (
    id       bigint PRIMARY KEY,
    quantity int NOT NULL
);
SELECT citus_schema_distribute('tenant_c');

-- A single-shard table outside any distributed schema: no distribution column.
CREATE TABLE audit (
    id      bigint PRIMARY KEY,
    message text NOT NULL
);
SELECT create_distributed_table('audit', null);

-- A regular schema: its table is a plain PostgreSQL table on the coordinator.
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (
    id    bigint PRIMARY KEY,
    total numeric NOT NULL
);
