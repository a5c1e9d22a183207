-- Statements of Citus's own regression test multi_mx_function_call_delegation, and the lines Citus printed for each, copied from
-- citusdata/citus v14.0.1 (identical in v12.1.12):
--   src/test/regress/sql/multi_mx_function_call_delegation.sql (every statement, in order; psql's meta-commands left out, and the
--   statements the file runs on a worker after "\c - - - :worker_1_port", marked below)
--   src/test/regress/expected/multi_mx_function_call_delegation.out (the "-- citus:" lines: the calls Citus delegated, "DEBUG:  pushing down ...",
--   the subplans it generated, "DEBUG:  generating subplan ...", and the errors it raised, "ERROR:  ...")
-- Changed: the psql variables :worker_1_port/:worker_2_port with 'localhost' are this cluster's 'worker-1', 5432 and
-- 'worker-2', 5432; SET citus.log_remote_commands TO OFF is left out (marked where it was).
-- "-- reconnect" is the file's "\c - - - :master_port": a new session. Data, not code: RegressionDelegationIT runs the
-- statements through a recording cluster and checks the recorded statements against these lines.
CREATE SCHEMA multi_mx_function_call_delegation;

SET search_path TO multi_mx_function_call_delegation, public;

SET citus.shard_replication_factor TO 2;

create table mx_call_dist_table_replica(id int, val int);

select create_distributed_table('mx_call_dist_table_replica', 'id');

insert into mx_call_dist_table_replica values (9,1),(8,2),(7,3),(6,4),(5,5);

SET citus.shard_replication_factor TO 1;

create table mx_call_dist_table_1(id int, val int);

select create_distributed_table('mx_call_dist_table_1', 'id');

insert into mx_call_dist_table_1 values (3,1),(4,5),(9,2),(6,5),(3,5);

create table mx_call_dist_table_2(id int, val int);

select create_distributed_table('mx_call_dist_table_2', 'id');

insert into mx_call_dist_table_2 values (1,1),(1,2),(2,2),(3,3),(3,4);

create table mx_call_dist_table_bigint(id bigint, val bigint);

select create_distributed_table('mx_call_dist_table_bigint', 'id');

insert into mx_call_dist_table_bigint values (1,1),(1,2),(2,2),(3,3),(3,4);

create table mx_call_dist_table_single_shard(id int, val int);

select create_distributed_table('mx_call_dist_table_single_shard', null);

insert into mx_call_dist_table_single_shard values (2,7),(1,8),(2,8),(1,8),(2,8);

create table mx_call_dist_table_ref(id int, val int);

select create_reference_table('mx_call_dist_table_ref');

insert into mx_call_dist_table_ref values (2,7),(1,8),(2,8),(1,8),(2,8);

create type mx_call_enum as enum ('A', 'S', 'D', 'F');

create table mx_call_dist_table_enum(id int, key mx_call_enum);

select create_distributed_table('mx_call_dist_table_enum', 'key');

insert into mx_call_dist_table_enum values (1,'S'),(2,'A'),(3,'D'),(4,'F');

CREATE FUNCTION squares(int) RETURNS SETOF RECORD
    AS $$ SELECT i, i * i FROM generate_series(1, $1) i $$
    LANGUAGE SQL;

CREATE FUNCTION mx_call_func(x int, INOUT y int)
LANGUAGE plpgsql AS $$
BEGIN
    -- groupid is 0 in coordinator and non-zero in workers, so by using it here
    -- we make sure the function is being executed in the worker.
    y := x + (select case groupid when 0 then 1 else 0 end from pg_dist_local_group);
    -- we also make sure that we can run distributed queries in the functions
    -- that are routed to the workers.
    y := y + (select sum(t1.val + t2.val) from multi_mx_function_call_delegation.mx_call_dist_table_1 t1 join multi_mx_function_call_delegation.mx_call_dist_table_2 t2 on t1.id = t2.id);
END;$$;

CREATE FUNCTION mx_call_func_bigint(x bigint, INOUT y bigint)
LANGUAGE plpgsql AS $$
BEGIN
    y := x + y * 2;
END;$$;

CREATE FUNCTION mx_call_func_bigint_force(x bigint, INOUT y bigint)
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM multi_mx_function_call_delegation.mx_call_func_bigint(x, y);
END;$$;

CREATE FUNCTION mx_call_func_custom_types(INOUT x mx_call_enum, INOUT y mx_call_enum)
LANGUAGE plpgsql AS $$
BEGIN
    y := x;
    x := (select case groupid when 0 then 'F' else 'S' end from pg_dist_local_group);
END;$$;

CREATE FUNCTION mx_call_func_copy(x int)
RETURNS bool
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO multi_mx_function_call_delegation.mx_call_dist_table_1
    SELECT s,s FROM generate_series(100, 110) s;

    RETURN true;
END;$$;

select multi_mx_function_call_delegation.mx_call_func(2, 0);

select multi_mx_function_call_delegation.mx_call_func_custom_types('S', 'A');

select multi_mx_function_call_delegation.mx_call_copy(2);
-- citus: ERROR:  function multi_mx_function_call_delegation.mx_call_copy(integer) does not exist at character 8

select squares(4);

select mx_call_func(2, 0);

select create_distributed_function('mx_call_func(int,int)');

select create_distributed_function('mx_call_func_bigint(bigint,bigint)');

select create_distributed_function('mx_call_func_custom_types(mx_call_enum,mx_call_enum)');

select create_distributed_function('mx_call_func_copy(int)');

select create_distributed_function('squares(int)');

SET client_min_messages TO DEBUG1;

select mx_call_func(2, 0);
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_function_call_delegation.mx_call_dist_table_1 t1 JOIN multi_mx_function_call_delegation.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

select multi_mx_function_call_delegation.mx_call_func_bigint(4, 2);

select mx_call_func_custom_types('S', 'A');

select colocate_proc_with_table('mx_call_func', 'mx_call_dist_table_1'::regclass, 1);

select colocate_proc_with_table('mx_call_func_custom_types', 'mx_call_dist_table_enum'::regclass, 1);

select colocate_proc_with_table('squares', 'mx_call_dist_table_2'::regclass, 0);

select create_distributed_function('mx_call_func_bigint(bigint,bigint)', 'x',
                                   colocate_with := 'mx_call_dist_table_bigint');

select create_distributed_function('mx_call_func_bigint_force(bigint,bigint)', 'x',
                                   colocate_with := 'mx_call_dist_table_2',
                                   force_delegation := true);

select mx_call_func(2, 0);
-- citus: DEBUG:  pushing down the function call

select mx_call_func_bigint(4, 2);
-- citus: DEBUG:  pushing down the function call

select mx_call_func_custom_types('S', 'A');
-- citus: DEBUG:  pushing down the function call

select squares(4);
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  input of anonymous composite types is not implemented

select multi_mx_function_call_delegation.mx_call_func(2, 0);
-- citus: DEBUG:  pushing down the function call

select multi_mx_function_call_delegation.mx_call_func_custom_types('S', 'A');
-- citus: DEBUG:  pushing down the function call

SET citus.enable_binary_protocol = TRUE;

select mx_call_func_custom_types('S', 'A');
-- citus: DEBUG:  pushing down the function call

select multi_mx_function_call_delegation.mx_call_func_custom_types('S', 'A');
-- citus: DEBUG:  pushing down the function call

RESET citus.enable_binary_protocol;

begin;

select mx_call_func(2, 0);
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_function_call_delegation.mx_call_dist_table_1 t1 JOIN multi_mx_function_call_delegation.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

commit;

SET client_min_messages TO NOTICE;

drop table mx_call_dist_table_enum;

SET client_min_messages TO DEBUG1;

select mx_call_func_custom_types('S', 'A');

select colocate_proc_with_table('mx_call_func', 'mx_call_dist_table_1'::regclass, -1);

select mx_call_func(2, 0);
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_function_call_delegation.mx_call_dist_table_1 t1 JOIN multi_mx_function_call_delegation.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

select colocate_proc_with_table('mx_call_func', 'mx_call_dist_table_1'::regclass, 2);

select mx_call_func(2, 0);
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_function_call_delegation.mx_call_dist_table_1 t1 JOIN multi_mx_function_call_delegation.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

select colocate_proc_with_table('mx_call_func', 'mx_call_dist_table_ref'::regclass, 1);

select mx_call_func(2, 0);
-- citus: DEBUG:  pushing down the function call

select colocate_proc_with_table('mx_call_func', 'mx_call_dist_table_single_shard'::regclass, 1);

select mx_call_func(2, 0);
-- citus: DEBUG:  pushing down the function call

select colocate_proc_with_table('mx_call_func', 'mx_call_dist_table_replica'::regclass, 1);

select mx_call_func(2, 0);
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_function_call_delegation.mx_call_dist_table_1 t1 JOIN multi_mx_function_call_delegation.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

SET client_min_messages TO NOTICE;

drop table mx_call_dist_table_replica;

SET client_min_messages TO DEBUG1;

select colocate_proc_with_table('mx_call_func', 'mx_call_dist_table_1'::regclass, 1);

CREATE FUNCTION mx_call_func_tbl(x int)
RETURNS TABLE (p0 int, p1 int)
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO multi_mx_function_call_delegation.mx_call_dist_table_1 VALUES (x, -1), (x+1, 4);
    UPDATE multi_mx_function_call_delegation.mx_call_dist_table_1 SET val = val+1 WHERE id >= x;
    UPDATE multi_mx_function_call_delegation.mx_call_dist_table_1 SET val = val-1 WHERE id >= x;
    RETURN QUERY
        SELECT id, val
        FROM multi_mx_function_call_delegation.mx_call_dist_table_1 t
        WHERE id >= x
        ORDER BY 1, 2;
END;$$;

select mx_call_func_tbl(10);

select create_distributed_function('mx_call_func_tbl(int)', '$1', 'mx_call_dist_table_1');

select mx_call_func_tbl(20);
-- citus: DEBUG:  pushing down the function call

CREATE FUNCTION mx_call_func_raise(x int)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    RAISE WARNING 'warning';
    RAISE EXCEPTION 'error';
END;$$;

select create_distributed_function('mx_call_func_raise(int)', '$1', 'mx_call_dist_table_1');

select mx_call_func_raise(2);
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  error

SET client_min_messages TO ERROR;

CREATE TABLE test (x int primary key);

SELECT create_distributed_table('test','x');

CREATE OR REPLACE FUNCTION delegated_function(a int)
RETURNS int
LANGUAGE plpgsql
AS $function$
DECLARE
BEGIN
    INSERT INTO multi_mx_function_call_delegation.test VALUES (a);
    INSERT INTO multi_mx_function_call_delegation.test VALUES (a + 1);
    RETURN a+2;
END;
$function$;

SELECT create_distributed_function('delegated_function(int)', 'a');

SET client_min_messages TO DEBUG1;

INSERT INTO test SELECT delegated_function(1);

SELECT * FROM test WHERE not exists(
    SELECT delegated_function(4)
);
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT multi_mx_function_call_delegation.delegated_function(4) AS delegated_function

WITH r AS (
    SELECT delegated_function(7)
) SELECT * FROM test WHERE (SELECT count(*)=0 FROM r);
-- citus: DEBUG:  generating subplan XXX_1 for CTE r: SELECT multi_mx_function_call_delegation.delegated_function(7) AS delegated_function
-- citus: DEBUG:  generating subplan XXX_2 for subquery SELECT (count(*) OPERATOR(pg_catalog.=) 0) FROM (SELECT intermediate_result.delegated_function FROM read_intermediate_result('XXX_1'::text, 'binary'::citus_copy_format) intermediate_result(delegated_function integer)) r

WITH r AS (
    SELECT delegated_function(10)
), t AS (
    SELECT count(*) c FROM r
) SELECT * FROM test, t WHERE t.c=0;
-- citus: DEBUG:  generating subplan XXX_1 for CTE r: SELECT multi_mx_function_call_delegation.delegated_function(10) AS delegated_function
-- citus: DEBUG:  generating subplan XXX_2 for subquery SELECT count(*) AS c FROM (SELECT intermediate_result.delegated_function FROM read_intermediate_result('XXX_1'::text, 'binary'::citus_copy_format) intermediate_result(delegated_function integer)) r

WITH r AS (
    SELECT count(*) FROM test
), s AS (
    SELECT delegated_function(13)
), t AS (
    SELECT count(*) c FROM s
) SELECT * FROM test, r, t WHERE t.c=0;
-- citus: DEBUG:  generating subplan XXX_1 for CTE s: SELECT multi_mx_function_call_delegation.delegated_function(13) AS delegated_function
-- citus: DEBUG:  generating subplan XXX_2 for subquery SELECT count(*) AS count FROM multi_mx_function_call_delegation.test
-- citus: DEBUG:  generating subplan XXX_3 for subquery SELECT count(*) AS c FROM (SELECT intermediate_result.delegated_function FROM read_intermediate_result('XXX_1'::text, 'binary'::citus_copy_format) intermediate_result(delegated_function integer)) s

SET client_min_messages TO WARNING;

select stop_metadata_sync_to_node('worker-1', 5432);

select stop_metadata_sync_to_node('worker-2', 5432);

SET client_min_messages TO DEBUG1;

select mx_call_func(2, 0);
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_function_call_delegation.mx_call_dist_table_1 t1 JOIN multi_mx_function_call_delegation.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

SET client_min_messages TO NOTICE;

select start_metadata_sync_to_node('worker-1', 5432);

select start_metadata_sync_to_node('worker-2', 5432);

-- reconnect
SET search_path to multi_mx_function_call_delegation, public;

SET client_min_messages TO DEBUG1;

SET citus.shard_replication_factor = 1;

CREATE FUNCTION mx_call_add(int, int) RETURNS int
    AS 'select $1 + $2;' LANGUAGE SQL IMMUTABLE;

SELECT create_distributed_function('mx_call_add(int,int)', '$1');

select mx_call_func((select x + 1 from mx_call_add(3, 4) x), 2);
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_function_call_delegation.mx_call_dist_table_1 t1 JOIN multi_mx_function_call_delegation.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

select mx_call_func(floor(random())::int, 2);
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_function_call_delegation.mx_call_dist_table_1 t1 JOIN multi_mx_function_call_delegation.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

select mx_call_func(2, 0) where mx_call_func(0, 2) = 0;
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_function_call_delegation.mx_call_dist_table_1 t1 JOIN multi_mx_function_call_delegation.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

select mx_call_func(2, 0), mx_call_func(0, 2);
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_function_call_delegation.mx_call_dist_table_1 t1 JOIN multi_mx_function_call_delegation.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_function_call_delegation.mx_call_dist_table_1 t1 JOIN multi_mx_function_call_delegation.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

select * from mx_call_func(2, 0);
-- citus: DEBUG:  pushing down the function call

prepare call_func(int, int) as select $1 from mx_call_func($1, $2);

execute call_func(2, 0);
-- citus: DEBUG:  pushing down the function call

execute call_func(2, 0);
-- citus: DEBUG:  pushing down the function call

execute call_func(2, 0);
-- citus: DEBUG:  pushing down the function call

execute call_func(2, 0);
-- citus: DEBUG:  pushing down the function call

execute call_func(2, 0);
-- citus: DEBUG:  pushing down the function call

execute call_func(2, 0);
-- citus: DEBUG:  pushing down the function call

select mx_call_func(id, 0) from mx_call_dist_table_1;
-- citus: ERROR:  cannot execute a distributed query from a query on a shard

select mx_call_func(2, 0) from mx_call_dist_table_1 where id = 3;
-- citus: ERROR:  cannot execute a distributed query from a query on a shard

select mx_call_func_copy(2) from mx_call_dist_table_1 where id = 3;
-- citus: ERROR:  cannot execute a distributed query from a query on a shard

DO $$ BEGIN perform mx_call_func_tbl(40); END; $$;

SELECT * FROM mx_call_dist_table_1 WHERE id >= 40 ORDER BY id, val;

PREPARE call_plan (int, int) AS SELECT mx_call_func($1, $2);

EXECUTE call_plan(2, 0);
-- citus: DEBUG:  pushing down the function call

EXECUTE call_plan(2, 0);
-- citus: DEBUG:  pushing down the function call

EXECUTE call_plan(2, 0);
-- citus: DEBUG:  pushing down the function call

EXECUTE call_plan(2, 0);
-- citus: DEBUG:  pushing down the function call

EXECUTE call_plan(2, 0);
-- citus: DEBUG:  pushing down the function call

EXECUTE call_plan(2, 0);
-- citus: DEBUG:  pushing down the function call

EXECUTE call_plan(2, 0);
-- citus: DEBUG:  pushing down the function call

EXECUTE call_plan(2, 0);
-- citus: DEBUG:  pushing down the function call

-- on a worker (left out): \c - - - :worker_1_port
-- reconnect
SET search_path TO multi_mx_function_call_delegation, public;

RESET client_min_messages;

DROP SCHEMA multi_mx_function_call_delegation CASCADE;

