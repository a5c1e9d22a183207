-- The application's own migration: Spring Boot runs it at start-up, the kit applies no schema.
CREATE TABLE events (
    owner_id   bigint NOT NULL,
    id         bigserial,
    event_type text NOT NULL,
    PRIMARY KEY (owner_id, id)
);
SELECT create_distributed_table('events', 'owner_id');
