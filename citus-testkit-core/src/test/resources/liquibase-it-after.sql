-- applied after the Liquibase changelog: needs its tables
INSERT INTO lb_tenants VALUES (1);
INSERT INTO lb_events SELECT 1, i FROM generate_series(1, 5) i;
