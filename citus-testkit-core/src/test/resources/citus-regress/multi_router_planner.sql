-- Statements and the DEBUG lines Citus printed for each, copied from citusdata/citus v14.0.1:
--   src/test/regress/sql/multi_router_planner.sql (setup and statements)
--   src/test/regress/expected/multi_router_planner.out (the "-- citus:" lines: what Citus logged at DEBUG2,
--   with citus.enable_fast_path_router_planner off, as in that file)
-- The same lines are in v12.1.12. Data, not code: RegressionStatementsIT checks that each recorded statement's
-- distribution values are the ones Citus printed there.
-- setup
CREATE TABLE articles_hash (id bigint NOT NULL, author_id bigint, title varchar(20) NOT NULL, word_count integer);
SELECT create_distributed_table('articles_hash', 'author_id', 'hash', shard_count := 2);
INSERT INTO articles_hash VALUES ( 1,  1, 'arsenous', 9572);
INSERT INTO articles_hash VALUES ( 2,  2, 'abducing', 13642);
INSERT INTO articles_hash VALUES ( 3,  3, 'asternal', 10480);
INSERT INTO articles_hash VALUES ( 4,  4, 'altdorfer', 14551);
INSERT INTO articles_hash VALUES ( 5,  5, 'aruru', 11389);
INSERT INTO articles_hash VALUES ( 6,  6, 'atlases', 15459);
INSERT INTO articles_hash VALUES ( 7,  7, 'aseptic', 12298);
INSERT INTO articles_hash VALUES ( 8,  8, 'agatized', 16368);
INSERT INTO articles_hash VALUES ( 9,  9, 'alligate', 438);
INSERT INTO articles_hash VALUES (10, 10, 'aggrandize', 17277);
INSERT INTO articles_hash VALUES (11,  1, 'alamo', 1347);
INSERT INTO articles_hash VALUES (12,  2, 'archiblast', 18185);
INSERT INTO articles_hash VALUES (13,  3, 'aseyev', 2255);
INSERT INTO articles_hash VALUES (14,  4, 'andesite', 19094);
INSERT INTO articles_hash VALUES (15,  5, 'adversa', 3164);
INSERT INTO articles_hash VALUES (16,  6, 'allonym', 2);
INSERT INTO articles_hash VALUES (17,  7, 'auriga', 4073);
INSERT INTO articles_hash VALUES (18,  8, 'assembly', 911);
INSERT INTO articles_hash VALUES (19,  9, 'aubergiste', 4981);
INSERT INTO articles_hash VALUES (20, 10, 'absentness', 1820);
INSERT INTO articles_hash VALUES (21,  1, 'arcading', 5890);
INSERT INTO articles_hash VALUES (22,  2, 'antipope', 2728);
INSERT INTO articles_hash VALUES (23,  3, 'abhorring', 6799);
INSERT INTO articles_hash VALUES (24,  4, 'audacious', 3637);
INSERT INTO articles_hash VALUES (25,  5, 'antehall', 7707);
INSERT INTO articles_hash VALUES (26,  6, 'abington', 4545);
INSERT INTO articles_hash VALUES (27,  7, 'arsenous', 8616);
INSERT INTO articles_hash VALUES (28,  8, 'aerophyte', 5454);
INSERT INTO articles_hash VALUES (29,  9, 'amateur', 9524);
INSERT INTO articles_hash VALUES (30, 10, 'andelee', 6363);
INSERT INTO articles_hash VALUES (31,  1, 'athwartships', 7271);
INSERT INTO articles_hash VALUES (32,  2, 'amazon', 11342);
INSERT INTO articles_hash VALUES (33,  3, 'autochrome', 8180);
INSERT INTO articles_hash VALUES (34,  4, 'amnestied', 12250);
INSERT INTO articles_hash VALUES (35,  5, 'aminate', 9089);
INSERT INTO articles_hash VALUES (36,  6, 'ablation', 13159);
INSERT INTO articles_hash VALUES (37,  7, 'archduchies', 9997);
INSERT INTO articles_hash VALUES (38,  8, 'anatine', 14067);
INSERT INTO articles_hash VALUES (39,  9, 'anchises', 10906);
INSERT INTO articles_hash VALUES (40, 10, 'attemper', 14976);
INSERT INTO articles_hash VALUES (41,  1, 'aznavour', 11814);
INSERT INTO articles_hash VALUES (42,  2, 'ausable', 15885);
INSERT INTO articles_hash VALUES (43,  3, 'affixal', 12723);
INSERT INTO articles_hash VALUES (44,  4, 'anteport', 16793);
INSERT INTO articles_hash VALUES (45,  5, 'afrasia', 864);
INSERT INTO articles_hash VALUES (46,  6, 'atlanta', 17702);
INSERT INTO articles_hash VALUES (47,  7, 'abeyance', 1772);
INSERT INTO articles_hash VALUES (48,  8, 'alkylic', 18610);
INSERT INTO articles_hash VALUES (49,  9, 'anyone', 2681);
INSERT INTO articles_hash VALUES (50, 10, 'anjanette', 19519);
-- statements

SELECT * FROM articles_hash WHERE author_id = 10 AND id = 50;
-- citus: Creating router plan
-- citus: query has a single distribution column value: 10

SELECT title FROM articles_hash WHERE author_id = 10;
-- citus: Creating router plan
-- citus: query has a single distribution column value: 10

SELECT title, word_count FROM articles_hash
	WHERE author_id = 10
	ORDER BY word_count DESC NULLS LAST;
-- citus: Creating router plan
-- citus: query has a single distribution column value: 10

SELECT title, id FROM articles_hash
	WHERE author_id = 5
	ORDER BY id
	LIMIT 2;
-- citus: Creating router plan
-- citus: query has a single distribution column value: 5

SELECT title, author_id FROM articles_hash
	WHERE author_id = 7 OR author_id = 8
	ORDER BY author_id ASC, id;
-- citus: Creating router plan

SELECT title, author_id FROM articles_hash
	WHERE author_id = 7 OR author_id = 8;
-- citus: Creating router plan

SELECT author_id, sum(word_count) AS corpus_size FROM articles_hash
	WHERE author_id = 1
	GROUP BY author_id
	HAVING sum(word_count) > 1000
	ORDER BY sum(word_count) DESC;
-- citus: Creating router plan
-- citus: query has a single distribution column value: 1

SELECT * FROM articles_hash WHERE author_id <= 1 ORDER BY id;
-- citus: Router planner cannot handle multi-shard select queries

SELECT * FROM articles_hash WHERE author_id IN (1, 3) ORDER BY id;
-- citus: Creating router plan

SELECT * FROM articles_hash WHERE author_id IN (1, NULL) ORDER BY id;
-- citus: Creating router plan
-- citus: query has a single distribution column value: 1

WITH first_author AS MATERIALIZED ( SELECT id FROM articles_hash WHERE author_id = 1)
SELECT * FROM first_author;
-- citus: Creating router plan
-- citus: query has a single distribution column value: 1

WITH first_author AS MATERIALIZED ( SELECT id FROM articles_hash WHERE author_id = 1)
SELECT title FROM articles_hash WHERE author_id = 1;
-- citus: Creating router plan
-- citus: query has a single distribution column value: 1

SELECT * FROM articles_hash, position('om' in 'Thomas') WHERE author_id = 1;
-- citus: Creating router plan
-- citus: query has a single distribution column value: 1

SELECT * FROM articles_hash, position('om' in 'Thomas') WHERE author_id = 1 or author_id = 3;
-- citus: Creating router plan

SELECT * FROM articles_hash
WHERE author_id IN (SELECT author_id FROM articles_hash WHERE author_id = 2)
ORDER BY articles_hash.id;
-- citus: Creating router plan
-- citus: query has a single distribution column value: 2

SELECT *
	FROM articles_hash
	WHERE author_id = 1;
-- citus: Creating router plan
-- citus: query has a single distribution column value: 1

SELECT *
	FROM articles_hash
	WHERE author_id = 1 OR author_id = 17;
-- citus: Creating router plan

SELECT id as article_id, word_count * id as random_value
	FROM articles_hash
	WHERE author_id = 1;
-- citus: Creating router plan
-- citus: query has a single distribution column value: 1

SELECT a.author_id as first_author, b.word_count as second_word_count
	FROM articles_hash a, articles_hash b
	WHERE a.author_id = 10 and a.author_id = b.author_id
	LIMIT 3;
-- citus: Creating router plan
-- citus: query has a single distribution column value: 10

SELECT *
	FROM articles_hash
	WHERE author_id = 1
	LIMIT 3;
-- citus: Creating router plan
-- citus: query has a single distribution column value: 1

SELECT id
	FROM articles_hash
	WHERE author_id = 1
	GROUP BY id
	ORDER BY id;
-- citus: Creating router plan
-- citus: query has a single distribution column value: 1

SELECT avg(word_count)
	FROM articles_hash
	WHERE author_id = 2;
-- citus: Creating router plan
-- citus: query has a single distribution column value: 2

SELECT * FROM (
	SELECT * FROM articles_hash WHERE author_id = 1
	UNION
	SELECT * FROM articles_hash WHERE author_id = 3
) AS combination
ORDER BY id;
-- citus: Creating router plan

SELECT *
	FROM articles_hash
	WHERE author_id = 1 and author_id >= 1;
-- citus: Creating router plan
-- citus: query has a single distribution column value: 1

SELECT *
	FROM articles_hash
	WHERE author_id = 1 or id = 1;
-- citus: Router planner cannot handle multi-shard select queries

SELECT *
	FROM articles_hash
	WHERE author_id = 1 and (id = 1 or id = 41);
-- citus: Creating router plan
-- citus: query has a single distribution column value: 1
