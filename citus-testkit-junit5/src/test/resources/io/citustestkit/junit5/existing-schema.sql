-- Applied to an existing cluster: not re-runnable on purpose, so a second application would fail.
CREATE TABLE existing_notes (
    owner_id bigint NOT NULL,
    note     text
);
SELECT create_distributed_table('existing_notes', 'owner_id');
