-- MisuseCatalogueIT: six good statements, then a seventh with a syntax error (a missing comma).
CREATE TABLE tenants (id bigint PRIMARY KEY, name text);
SELECT create_distributed_table('tenants', 'id');
CREATE TABLE projects (tenant_id bigint NOT NULL, id bigint NOT NULL, name text, PRIMARY KEY (tenant_id, id));
SELECT create_distributed_table('projects', 'tenant_id', colocate_with => 'tenants');
CREATE TABLE currencies (code text PRIMARY KEY, name text);
SELECT create_reference_table('currencies');

CREATE TABLE invoices (
    tenant_id bigint NOT NULL,
    id bigint NOT NULL
    total numeric
);
SELECT create_distributed_table('invoices', 'tenant_id', colocate_with => 'tenants');
