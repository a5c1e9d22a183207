CREATE TABLE accounts (tenant_id bigint NOT NULL, id bigint NOT NULL, balance numeric DEFAULT 0, PRIMARY KEY (tenant_id, id));
SELECT create_distributed_table('accounts', 'tenant_id');
CREATE TABLE ledger (tenant_id bigint NOT NULL, id bigserial, amount numeric, PRIMARY KEY (tenant_id, id));
SELECT create_distributed_table('ledger', 'tenant_id', colocate_with => 'accounts');
INSERT INTO accounts (tenant_id, id) SELECT g, 1 FROM generate_series(1, 200) g;
