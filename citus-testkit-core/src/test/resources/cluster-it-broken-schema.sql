CREATE TABLE tenants (id bigint PRIMARY KEY);
SELECT create_distributed_table('tenants', 'id');
-- statement 3: UNIQUE without the distribution column, which Citus refuses
CREATE TABLE accounts (
    id bigint,
    tenant_id bigint,
    email text UNIQUE
);
SELECT create_distributed_table('accounts', 'tenant_id');
