-- ConcurrentAssertionsIT: three colocated tables, one table in a colocation group of its own
-- (same shard count, so only the group tells them apart), and a few rows.
CREATE TABLE tenants (id bigint PRIMARY KEY, name text);
SELECT create_distributed_table('tenants', 'id');

CREATE TABLE projects (tenant_id bigint NOT NULL, id bigint NOT NULL, name text, PRIMARY KEY (tenant_id, id));
SELECT create_distributed_table('projects', 'tenant_id', colocate_with => 'tenants');

CREATE TABLE tasks (tenant_id bigint NOT NULL, project_id bigint NOT NULL, id bigint NOT NULL, title text,
                    done boolean NOT NULL DEFAULT false, PRIMARY KEY (tenant_id, id));
SELECT create_distributed_table('tasks', 'tenant_id', colocate_with => 'tenants');

CREATE TABLE ledger (account_id bigint NOT NULL, amount numeric);
SELECT create_distributed_table('ledger', 'account_id', colocate_with => 'none');

INSERT INTO tenants (id, name) SELECT g, 'tenant ' || g FROM generate_series(1, 100) g;
INSERT INTO projects (tenant_id, id, name) SELECT (g % 100) + 1, g, 'project ' || g FROM generate_series(1, 300) g;
INSERT INTO tasks (tenant_id, project_id, id, title) SELECT (g % 100) + 1, (g % 300) + 1, g, 'task ' || g
FROM generate_series(1, 3000) g;
