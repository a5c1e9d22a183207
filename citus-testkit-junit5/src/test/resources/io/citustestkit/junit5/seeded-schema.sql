-- The schema of SeededCleanStateIT: one table of each kind, most of them with rows the schema inserts.
CREATE TABLE plans (
    id   int PRIMARY KEY,
    name text NOT NULL,
    code text GENERATED ALWAYS AS (upper(name)) STORED
);
SELECT create_reference_table('plans');
INSERT INTO plans (id, name) VALUES (1, 'free'), (2, 'pro');

CREATE TABLE accounts (
    owner_id bigint NOT NULL,
    id       bigserial,
    plan_id  int REFERENCES plans (id),
    name     text,
    PRIMARY KEY (owner_id, id)
);
SELECT create_distributed_table('accounts', 'owner_id');
INSERT INTO accounts (owner_id, plan_id, name) SELECT g, 1 + g % 2, 'account ' || g FROM generate_series(1, 6) g;

CREATE TABLE orders (
    owner_id bigint NOT NULL,
    id       bigserial,
    note     text,
    PRIMARY KEY (owner_id, id)
);
SELECT create_distributed_table('orders', 'owner_id', colocate_with => 'accounts');

CREATE TABLE settings (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id int REFERENCES plans (id),
    value   text
);
SELECT citus_add_local_table_to_metadata('settings');
INSERT INTO settings (plan_id, value) VALUES (1, 'dark mode');

CREATE SCHEMA tenant_a;
CREATE TABLE tenant_a.notes (
    id   bigint PRIMARY KEY,
    body text
);
INSERT INTO tenant_a.notes VALUES (1, 'first'), (2, 'second');
SELECT citus_schema_distribute('tenant_a');
