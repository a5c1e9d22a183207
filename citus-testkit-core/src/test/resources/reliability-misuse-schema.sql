-- MisuseCatalogueIT: the shared cluster's one distributed table.
CREATE TABLE events (owner_id bigint NOT NULL, id bigint NOT NULL, kind text, PRIMARY KEY (owner_id, id));
SELECT create_distributed_table('events', 'owner_id');
