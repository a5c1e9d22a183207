-- The multi-tenant guide's tables, for statement recording.
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
SELECT create_distributed_table('users', 'id');

CREATE TABLE events (
    owner_id bigint NOT NULL,
    id bigserial,
    event_type text NOT NULL,
    PRIMARY KEY (owner_id, id)
);
SELECT create_distributed_table('events', 'owner_id', colocate_with => 'users');

CREATE TABLE event_types (name text PRIMARY KEY, description text);
SELECT create_reference_table('event_types');

INSERT INTO event_types VALUES ('login', 'a user logged in'), ('click', 'a user clicked');
