--liquibase formatted sql

--changeset citus-testkit:2-events
CREATE TABLE lb_events (tenant_id bigint NOT NULL, id bigint NOT NULL, PRIMARY KEY (tenant_id, id));
SELECT create_distributed_table('lb_events', 'tenant_id');
