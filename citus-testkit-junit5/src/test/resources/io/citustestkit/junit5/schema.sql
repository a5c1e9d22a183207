-- The schema of the extension's integration tests: one table of each kind the cleanup empties.
CREATE TABLE event_types (
    id   int PRIMARY KEY,
    name text NOT NULL
);
SELECT create_reference_table('event_types');

CREATE TABLE events (
    owner_id bigint NOT NULL,
    id       bigserial,
    type_id  int REFERENCES event_types (id),
    payload  text,
    PRIMARY KEY (owner_id, id)
);
SELECT create_distributed_table('events', 'owner_id');

CREATE TABLE audit_log (
    id      bigserial PRIMARY KEY,
    type_id int REFERENCES event_types (id),
    note    text
);
SELECT citus_add_local_table_to_metadata('audit_log');
