-- Statements of Citus's own regression test multi_mx_call, and the lines Citus printed for each, copied from
-- citusdata/citus v14.0.1 (identical in v12.1.12):
--   src/test/regress/sql/multi_mx_call.sql (every statement, in order; psql's meta-commands left out, and the
--   statements the file runs on a worker after "\c - - - :worker_1_port", marked below)
--   src/test/regress/expected/multi_mx_call.out (the "-- citus:" lines: the calls Citus delegated, "DEBUG:  pushing down ...",
--   the subplans it generated, "DEBUG:  generating subplan ...", and the errors it raised, "ERROR:  ...")
-- Changed: the psql variables :worker_1_port/:worker_2_port with 'localhost' are this cluster's 'worker-1', 5432 and
-- 'worker-2', 5432; SET citus.log_remote_commands TO OFF is left out (marked where it was).
-- "-- reconnect" is the file's "\c - - - :master_port": a new session. Data, not code: RegressionDelegationIT runs the
-- statements through a recording cluster and checks the recorded statements against these lines.
create schema multi_mx_call;

set search_path to multi_mx_call, public;

set citus.shard_replication_factor to 2;

create table mx_call_dist_table_replica(id int, val int);

select create_distributed_table('mx_call_dist_table_replica', 'id');

insert into mx_call_dist_table_replica values (9,1),(8,2),(7,3),(6,4),(5,5);

set citus.shard_replication_factor to 1;

create table mx_call_dist_table_1(id int, val int);

select create_distributed_table('mx_call_dist_table_1', 'id');

insert into mx_call_dist_table_1 values (3,1),(4,5),(9,2),(6,5),(3,5);

create table mx_call_dist_table_2(id int, val int);

select create_distributed_table('mx_call_dist_table_2', 'id');

insert into mx_call_dist_table_2 values (1,1),(1,2),(2,2),(3,3),(3,4);

create table mx_call_dist_table_bigint(id bigint, val bigint);

select create_distributed_table('mx_call_dist_table_bigint', 'id');

insert into mx_call_dist_table_bigint values (1,1),(1,2),(2,2),(3,3),(3,4);

create table mx_call_dist_table_ref(id int, val int);

select create_reference_table('mx_call_dist_table_ref');

insert into mx_call_dist_table_ref values (2,7),(1,8),(2,8),(1,8),(2,8);

create type mx_call_enum as enum ('A', 'S', 'D', 'F');

create table mx_call_dist_table_enum(id int, key mx_call_enum);

select create_distributed_table('mx_call_dist_table_enum', 'key');

insert into mx_call_dist_table_enum values (1,'S'),(2,'A'),(3,'D'),(4,'F');

CREATE TABLE ref(groupid int);

SELECT create_reference_table('ref');

CREATE OR REPLACE PROCEDURE my_group_id_proc()
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $$
DECLARE
    gid int;
BEGIN
    SELECT groupid INTO gid
    FROM pg_dist_local_group;

    INSERT INTO ref(groupid) VALUES (gid);
END;
$$;

SELECT create_distributed_function('my_group_id_proc()', colocate_with := 'ref');

CALL my_group_id_proc();

CALL my_group_id_proc();

SELECT DISTINCT(groupid) FROM ref ORDER BY 1;

TRUNCATE TABLE ref;

SET citus.task_assignment_policy TO 'round-robin';

CALL my_group_id_proc();

CALL my_group_id_proc();

CALL my_group_id_proc();

SELECT DISTINCT(groupid) FROM ref ORDER BY 1;

TRUNCATE TABLE ref;

RESET citus.task_assignment_policy;

CREATE PROCEDURE mx_call_proc(x int, INOUT y int)
LANGUAGE plpgsql AS $$
BEGIN
    -- groupid is 0 in coordinator and non-zero in workers, so by using it here
    -- we make sure the procedure is being executed in the worker.
    y := x + (select case groupid when 0 then 1 else 0 end from pg_dist_local_group);
    -- we also make sure that we can run distributed queries in the procedures
    -- that are routed to the workers.
    y := y + (select sum(t1.val + t2.val) from multi_mx_call.mx_call_dist_table_1 t1 join multi_mx_call.mx_call_dist_table_2 t2 on t1.id = t2.id);
END;$$;

CREATE PROCEDURE mx_call_proc_bigint(x bigint, INOUT y bigint)
LANGUAGE plpgsql AS $$
BEGIN
    y := x + y * 2;
END;$$;

CREATE PROCEDURE mx_call_proc_custom_types(INOUT x mx_call_enum, INOUT y mx_call_enum)
LANGUAGE plpgsql AS $$
BEGIN
    y := x;
    x := (select case groupid when 0 then 'F' else 'S' end from pg_dist_local_group);
END;$$;

CREATE PROCEDURE mx_call_proc_copy(x int)
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO multi_mx_call.mx_call_dist_table_1
    SELECT s,s FROM generate_series(100, 110) s;
END;$$;

call multi_mx_call.mx_call_proc(2, 0);

call multi_mx_call.mx_call_proc_custom_types('S', 'A');

call multi_mx_call.mx_call_proc_copy(2);

call mx_call_proc(2, 0);

call mx_call_proc_custom_types('S', 'A');

select create_distributed_function('mx_call_proc(int,int)');

select create_distributed_function('mx_call_proc_bigint(bigint,bigint)');

select create_distributed_function('mx_call_proc_custom_types(mx_call_enum,mx_call_enum)');

select create_distributed_function('mx_call_proc_copy(int)');

SET client_min_messages TO DEBUG1;

call multi_mx_call.mx_call_proc(2, 0);
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_call.mx_call_dist_table_1 t1 JOIN multi_mx_call.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

call mx_call_proc_bigint(4, 2);

call multi_mx_call.mx_call_proc_custom_types('S', 'A');

call multi_mx_call.mx_call_proc_copy(2);

select colocate_proc_with_table('mx_call_proc', 'mx_call_dist_table_1'::regclass, 1);

select colocate_proc_with_table('mx_call_proc_bigint', 'mx_call_dist_table_bigint'::regclass, 1);

select colocate_proc_with_table('mx_call_proc_custom_types', 'mx_call_dist_table_enum'::regclass, 1);

select colocate_proc_with_table('mx_call_proc_copy', 'mx_call_dist_table_1'::regclass, 0);

call multi_mx_call.mx_call_proc(2, 0);
-- citus: DEBUG:  pushing down the procedure

call multi_mx_call.mx_call_proc_custom_types('S', 'A');
-- citus: DEBUG:  pushing down the procedure

call mx_call_proc(2, 0);
-- citus: DEBUG:  pushing down the procedure

call mx_call_proc_custom_types('S', 'A');
-- citus: DEBUG:  pushing down the procedure

call mx_call_proc_copy(2);
-- citus: DEBUG:  pushing down the procedure

call mx_call_proc_bigint(4, 2);
-- citus: DEBUG:  pushing down the procedure

begin;

call multi_mx_call.mx_call_proc(2, 0);
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_call.mx_call_dist_table_1 t1 JOIN multi_mx_call.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

commit;

SET client_min_messages TO NOTICE;

drop table mx_call_dist_table_enum;

SET client_min_messages TO DEBUG1;

call multi_mx_call.mx_call_proc_custom_types('S', 'A');

select colocate_proc_with_table('mx_call_proc', 'mx_call_dist_table_1'::regclass, -1);

call multi_mx_call.mx_call_proc(2, 0);
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_call.mx_call_dist_table_1 t1 JOIN multi_mx_call.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

select colocate_proc_with_table('mx_call_proc', 'mx_call_dist_table_1'::regclass, 2);

call multi_mx_call.mx_call_proc(2, 0);
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_call.mx_call_dist_table_1 t1 JOIN multi_mx_call.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

select colocate_proc_with_table('mx_call_proc', 'mx_call_dist_table_ref'::regclass, NULL);

call multi_mx_call.mx_call_proc(2, 0);
-- citus: DEBUG:  pushing down the procedure

select colocate_proc_with_table('mx_call_proc', 'mx_call_dist_table_replica'::regclass, 1);

call multi_mx_call.mx_call_proc(2, 0);
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_call.mx_call_dist_table_1 t1 JOIN multi_mx_call.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

SET client_min_messages TO NOTICE;

drop table mx_call_dist_table_replica;

SET client_min_messages TO DEBUG1;

select colocate_proc_with_table('mx_call_proc', 'mx_call_dist_table_1'::regclass, 1);

SET citus.enable_metadata_sync TO OFF;

CREATE PROCEDURE mx_call_proc_tx(x int) LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO multi_mx_call.mx_call_dist_table_1 VALUES (x, -1), (x+1, 4);
    COMMIT;
    UPDATE multi_mx_call.mx_call_dist_table_1 SET val = val+1 WHERE id >= x;
    ROLLBACK;
    -- Now do the final update!
    UPDATE multi_mx_call.mx_call_dist_table_1 SET val = val-1 WHERE id >= x;
END;$$;

RESET citus.enable_metadata_sync;

CALL multi_mx_call.mx_call_proc_tx(10);

select create_distributed_function('mx_call_proc_tx(int)', '$1', 'mx_call_dist_table_1');

CALL multi_mx_call.mx_call_proc_tx(20);
-- citus: DEBUG:  pushing down the procedure

SELECT id, val FROM mx_call_dist_table_1 ORDER BY id, val;

-- on a worker (left out): \c - - - :worker_1_port
-- reconnect
SET search_path to multi_mx_call, public;

SET client_min_messages TO DEBUG1;

CREATE PROCEDURE mx_call_proc_raise(x int) LANGUAGE plpgsql AS $$
BEGIN
    RAISE WARNING 'warning';
    RAISE EXCEPTION 'error';
END;$$;

select create_distributed_function('mx_call_proc_raise(int)', '$1', 'mx_call_dist_table_1');

call multi_mx_call.mx_call_proc_raise(2);
-- citus: DEBUG:  pushing down the procedure
-- citus: ERROR:  error

SET client_min_messages TO WARNING;

select stop_metadata_sync_to_node('worker-1', 5432);

select stop_metadata_sync_to_node('worker-2', 5432);

SET client_min_messages TO DEBUG1;

call multi_mx_call.mx_call_proc(2, 0);
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_call.mx_call_dist_table_1 t1 JOIN multi_mx_call.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

SET client_min_messages TO NOTICE;

select start_metadata_sync_to_node('worker-1', 5432);

select start_metadata_sync_to_node('worker-2', 5432);

-- reconnect
SET search_path to multi_mx_call, public;

SET client_min_messages TO DEBUG1;

CREATE FUNCTION mx_call_add(int, int) RETURNS int
    AS 'select $1 + $2;' LANGUAGE SQL IMMUTABLE;

SELECT create_distributed_function('mx_call_add(int,int)');

call multi_mx_call.mx_call_proc(2, mx_call_add(3, 4));
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_call.mx_call_dist_table_1 t1 JOIN multi_mx_call.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

call multi_mx_call.mx_call_proc(multi_mx_call.mx_call_add(3, 4), 2);
-- citus: DEBUG:  pushing down the procedure

call multi_mx_call.mx_call_proc(floor(random())::int, 2);
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT sum((t1.val OPERATOR(pg_catalog.+) t2.val)) AS sum FROM (multi_mx_call.mx_call_dist_table_1 t1 JOIN multi_mx_call.mx_call_dist_table_2 t2 ON ((t1.id OPERATOR(pg_catalog.=) t2.id)))

reset client_min_messages;

drop schema multi_mx_call cascade;

