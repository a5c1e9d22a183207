-- Schema-based sharding for SchemaAssertionsIT: the recorded schema (citus-explain/schema-based-sharding.sql)
-- plus a schema with a quoted name and one the tests move. Each way of making a distributed schema:
-- CREATE SCHEMA while citus.enable_schema_based_sharding is on (SET in this script's session: the
-- schema runner applies a script on one connection), and citus_schema_distribute afterwards.
CREATE TABLE products (id bigint PRIMARY KEY, name text NOT NULL);
SELECT create_reference_table('products');

CREATE TABLE events (owner_id bigint NOT NULL, id bigint NOT NULL, kind text NOT NULL, PRIMARY KEY (owner_id, id));
SELECT create_distributed_table('events', 'owner_id');

SET citus.enable_schema_based_sharding TO on;
CREATE SCHEMA tenant_a;
CREATE SCHEMA tenant_b;
CREATE SCHEMA tenant_empty;
CREATE SCHEMA tenant_moving;
CREATE SCHEMA tenant_stray;
RESET citus.enable_schema_based_sharding;

CREATE TABLE tenant_a.customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE tenant_a.orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES tenant_a.customers (id),
                              product_id bigint NOT NULL REFERENCES products (id), quantity int NOT NULL);
CREATE TABLE tenant_b.customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE tenant_b.orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES tenant_b.customers (id),
                              product_id bigint NOT NULL REFERENCES products (id), quantity int NOT NULL);
CREATE TABLE tenant_moving.orders (id bigint PRIMARY KEY, quantity int NOT NULL);

-- Citus distributes a table a top-level CREATE TABLE makes in a distributed schema, not one dynamic SQL
-- makes: notes stays a plain table on the coordinator.
CREATE TABLE tenant_stray.orders (id bigint PRIMARY KEY);
DO $$
BEGIN
    EXECUTE 'CREATE TABLE tenant_stray.notes (id bigint PRIMARY KEY, note text)';
END
$$;

CREATE SCHEMA tenant_c;
CREATE TABLE tenant_c.orders (id bigint PRIMARY KEY, quantity int NOT NULL);
SELECT citus_schema_distribute('tenant_c');

CREATE SCHEMA "Tenant";
CREATE TABLE "Tenant"."Orders" (id bigint PRIMARY KEY);
SELECT citus_schema_distribute('"Tenant"');

CREATE TABLE audit (id bigint PRIMARY KEY, message text NOT NULL);
SELECT create_distributed_table('audit', null);

CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id bigint PRIMARY KEY, total numeric NOT NULL);
