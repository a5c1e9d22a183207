-- A small multi-tenant schema: distributed, colocated and reference tables, with what scripts contain.
CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL DEFAULT 'nobody;@example.com'  -- a semicolon inside a literal
);
SELECT create_distributed_table('users', 'id');

CREATE TABLE "Events" (
    owner_id bigint NOT NULL,
    id bigserial,
    payload jsonb,
    PRIMARY KEY (owner_id, id)
);
SELECT create_distributed_table('"Events"', 'owner_id', colocate_with => 'users');

CREATE TABLE event_types (id int PRIMARY KEY, name text NOT NULL);
SELECT create_reference_table('event_types');

/* a function with a dollar-quoted body; its semicolons must not split it */
CREATE FUNCTION tenant_event_count(tenant bigint) RETURNS bigint LANGUAGE plpgsql AS $fn$
DECLARE n bigint;
BEGIN
    SELECT count(*) INTO n FROM "Events" WHERE owner_id = tenant;
    RETURN n;
END;
$fn$;

INSERT INTO users SELECT g, 'u' || g || '@example.com' FROM generate_series(1, 100) g;
INSERT INTO event_types VALUES (1, 'login'), (2, 'purchase');
