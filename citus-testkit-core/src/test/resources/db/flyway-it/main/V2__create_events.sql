INSERT INTO countries VALUES ('fr'), ('de');
CREATE TABLE events (
    tenant_id bigint NOT NULL,
    id bigint NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
SELECT create_distributed_table('events', 'tenant_id');
