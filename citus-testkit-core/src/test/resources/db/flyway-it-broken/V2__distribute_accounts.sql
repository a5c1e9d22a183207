-- Citus refuses a UNIQUE constraint without the distribution column
CREATE TABLE accounts (
    id bigint,
    tenant_id bigint,
    email text UNIQUE
);
SELECT create_distributed_table('accounts', 'tenant_id');
