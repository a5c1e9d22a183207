-- Tables of Citus's regression test multi_router_planner.sql, for zero-shard and folded-filter cases:
-- a hash-distributed table with two shards and a range-distributed table with four.
CREATE TABLE articles_hash (id bigint NOT NULL, author_id bigint, title varchar(20) NOT NULL, word_count integer);
SELECT create_distributed_table('articles_hash', 'author_id', 'hash', shard_count := 2);
CREATE TABLE authors_range (name varchar(20), id bigint);
SELECT create_distributed_table('authors_range', 'id', 'range');
SELECT master_create_empty_shard('authors_range') AS shard_id \gset
UPDATE pg_dist_shard SET shardminvalue = 1, shardmaxvalue = 10 WHERE shardid = :shard_id;
SELECT master_create_empty_shard('authors_range') AS shard_id \gset
UPDATE pg_dist_shard SET shardminvalue = 11, shardmaxvalue = 20 WHERE shardid = :shard_id;
SELECT master_create_empty_shard('authors_range') AS shard_id \gset
UPDATE pg_dist_shard SET shardminvalue = 21, shardmaxvalue = 30 WHERE shardid = :shard_id;
SELECT master_create_empty_shard('authors_range') AS shard_id \gset
UPDATE pg_dist_shard SET shardminvalue = 31, shardmaxvalue = 40 WHERE shardid = :shard_id;
INSERT INTO articles_hash SELECT g, (g % 10) + 1, 'title ' || g, g * 100 FROM generate_series(1, 50) g;
INSERT INTO authors_range SELECT 'author ' || g, g FROM generate_series(1, 40) g;
