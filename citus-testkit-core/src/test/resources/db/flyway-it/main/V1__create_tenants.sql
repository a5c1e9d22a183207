CREATE TABLE tenants (id bigint PRIMARY KEY, country text REFERENCES countries (code));
SELECT create_reference_table('tenants');
