-- The benchmark's seeded variant (after bench-schema.sql): a reference table of a few rows and 100 rows
-- in every tenant table, the rows the default clean state (RESTORE) brings back between tests.
CREATE TABLE plans (id int PRIMARY KEY, name text NOT NULL);
SELECT create_reference_table('plans');
INSERT INTO plans VALUES (1, 'free'), (2, 'pro'), (3, 'team'), (4, 'enterprise'), (5, 'trial');
INSERT INTO t01 (tenant_id, payload, amount) SELECT g % 10, 'seed', g FROM generate_series(1, 100) g;
INSERT INTO t02 (tenant_id, payload, amount) SELECT g % 10, 'seed', g FROM generate_series(1, 100) g;
INSERT INTO t03 (tenant_id, payload, amount) SELECT g % 10, 'seed', g FROM generate_series(1, 100) g;
INSERT INTO t04 (tenant_id, payload, amount) SELECT g % 10, 'seed', g FROM generate_series(1, 100) g;
INSERT INTO t05 (tenant_id, payload, amount) SELECT g % 10, 'seed', g FROM generate_series(1, 100) g;
INSERT INTO t06 (tenant_id, payload, amount) SELECT g % 10, 'seed', g FROM generate_series(1, 100) g;
INSERT INTO t07 (tenant_id, payload, amount) SELECT g % 10, 'seed', g FROM generate_series(1, 100) g;
INSERT INTO t08 (tenant_id, payload, amount) SELECT g % 10, 'seed', g FROM generate_series(1, 100) g;
INSERT INTO t09 (tenant_id, payload, amount) SELECT g % 10, 'seed', g FROM generate_series(1, 100) g;
INSERT INTO t10 (tenant_id, payload, amount) SELECT g % 10, 'seed', g FROM generate_series(1, 100) g;
