CREATE TABLE tenants (id bigint PRIMARY KEY);
SELECT create_distributed_table('tenants', 'id');
