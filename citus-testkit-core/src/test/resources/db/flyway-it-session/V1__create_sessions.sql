CREATE TABLE sessions (id bigint PRIMARY KEY);
SELECT create_distributed_table('sessions', 'id');
