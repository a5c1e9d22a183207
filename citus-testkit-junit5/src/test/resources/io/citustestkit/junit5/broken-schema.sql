CREATE TABLE broken_events (
    owner_id bigint NOT NULL,
    payload  text
);
-- statement 2 names a column the table does not have
SELECT create_distributed_table('broken_events', 'tenant_id');
