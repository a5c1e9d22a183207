-- applied after the Flyway migrations: needs V3's column
INSERT INTO tenants VALUES (1, 'fr');
INSERT INTO events (tenant_id, id, note) SELECT 1, i, 'seed' FROM generate_series(1, 10) i;
