-- The event types every tenant's events refer to: lookup rows of a reference table, seeded by the
-- application's own migration. citus-testkit's default clean state (RESTORE) remembers them when the
-- application context has run this migration and brings them back before every test.
INSERT INTO event_types (name, description) VALUES
    ('login', 'a user logged in'),
    ('logout', 'a user logged out');
