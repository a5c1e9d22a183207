-- The schema of the recorded plans (shared/citus-explain/schema.sql), plus what the table checks need:
-- a plain table, a Citus local table, quoted and schema-qualified names, and two tables in different
-- colocation groups with the same shard count (for a broken placement after a shard move).
CREATE TABLE users (id bigserial PRIMARY KEY, email text, created_at timestamp DEFAULT now());
SELECT create_distributed_table('users', 'id');

CREATE TABLE events (id bigserial, owner_id bigint NOT NULL, event_type text, properties jsonb,
                     created_at timestamp DEFAULT now(), PRIMARY KEY (owner_id, id));
SELECT create_distributed_table('events', 'owner_id', colocate_with => 'users');

CREATE TABLE user_sessions (id bigserial, owner_id bigint NOT NULL, session_token text, expires_at timestamp,
                            PRIMARY KEY (owner_id, id));
SELECT create_distributed_table('user_sessions', 'owner_id', colocate_with => 'users');

CREATE TABLE event_types (id bigserial PRIMARY KEY, name text UNIQUE, description text);
SELECT create_reference_table('event_types');

CREATE TABLE orders (id bigserial, owner_id bigint NOT NULL, product_id bigint, PRIMARY KEY (owner_id, id));
SELECT create_distributed_table('orders', 'owner_id', colocate_with => 'users');

CREATE TABLE products (id bigint PRIMARY KEY, name text);
SELECT create_distributed_table('products', 'id', colocate_with => 'none');

CREATE TABLE audit_log (id bigserial, tenant text NOT NULL, msg text, PRIMARY KEY (tenant, id));
SELECT create_distributed_table('audit_log', 'tenant');

CREATE TABLE app_settings (key text PRIMARY KEY, value text);

CREATE TABLE local_notes (id bigint PRIMARY KEY, note text);
SELECT citus_add_local_table_to_metadata('local_notes');

CREATE SCHEMA billing;
CREATE TABLE billing."Invoices" ("TenantId" bigint NOT NULL, id bigint NOT NULL, total numeric,
                                 PRIMARY KEY ("TenantId", id));
SELECT create_distributed_table('billing."Invoices"', 'TenantId', colocate_with => 'users');

CREATE TABLE ledger_a (account_id bigint NOT NULL, amount int);
SELECT create_distributed_table('ledger_a', 'account_id', colocate_with => 'none');
CREATE TABLE ledger_b (account_id bigint NOT NULL, amount int);
SELECT create_distributed_table('ledger_b', 'account_id', colocate_with => 'none');

INSERT INTO users (id, email) SELECT g, 'u' || g || '@x.com' FROM generate_series(1, 200) g;
INSERT INTO events (owner_id, event_type) SELECT (g % 200) + 1, 'login' FROM generate_series(1, 2000) g;
INSERT INTO event_types (name) VALUES ('login'), ('purchase');
INSERT INTO audit_log (tenant, msg) VALUES ('acme', 'hello'), ('globex', 'hi');
