-- MisuseCatalogueIT: distributing a table by a column it does not have.
CREATE TABLE invoices (tenant_id bigint NOT NULL, id bigint NOT NULL, total numeric);
SELECT create_distributed_table('invoices', 'customer_id');
