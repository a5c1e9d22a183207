-- Statements of Citus's own regression test forcedelegation_functions, and the lines Citus printed for each, copied from
-- citusdata/citus v14.0.1 (identical in v12.1.12):
--   src/test/regress/sql/forcedelegation_functions.sql (every statement, in order; psql's meta-commands left out, and the
--   statements the file runs on a worker after "\c - - - :worker_1_port", marked below)
--   src/test/regress/expected/forcedelegation_functions.out (the "-- citus:" lines: the calls Citus delegated, "DEBUG:  pushing down ...",
--   the subplans it generated, "DEBUG:  generating subplan ...", and the errors it raised, "ERROR:  ...")
-- Changed: the psql variables :worker_1_port/:worker_2_port with 'localhost' are this cluster's 'worker-1', 5432 and
-- 'worker-2', 5432; SET citus.log_remote_commands TO OFF is left out (marked where it was).
-- "-- reconnect" is the file's "\c - - - :master_port": a new session. Data, not code: RegressionDelegationIT runs the
-- statements through a recording cluster and checks the recorded statements against these lines.
-- left out: SET citus.log_remote_commands TO OFF (recording reads the commands Citus logs; a session that turns it off
-- has its statements judged as not seen, see SessionSettingTest)

DROP SCHEMA IF EXISTS forcepushdown_schema CASCADE;

CREATE SCHEMA forcepushdown_schema;

SET search_path TO 'forcepushdown_schema';

SET citus.shard_replication_factor = 1;

SET citus.shard_count = 32;

SET citus.next_shard_id TO 900000;

CREATE TABLE test_forcepushdown(intcol int PRIMARY KEY, data char(50) default 'default');

SELECT create_distributed_table('test_forcepushdown', 'intcol', colocate_with := 'none');

CREATE TABLE test_forcepushdown_noncolocate(intcol int PRIMARY KEY);

SELECT create_distributed_table('test_forcepushdown_noncolocate', 'intcol', colocate_with := 'none');

CREATE FUNCTION insert_data(a integer)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
	INSERT INTO forcepushdown_schema.test_forcepushdown VALUES (a);
END;
$fn$;

CREATE FUNCTION insert_data_non_distarg(a integer)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
	INSERT INTO forcepushdown_schema.test_forcepushdown VALUES (a+1);
END;
$fn$;

CREATE FUNCTION update_data_nonlocal(a integer)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
	UPDATE forcepushdown_schema.test_forcepushdown SET data = 'non-default';
END;
$fn$;

CREATE FUNCTION insert_data_noncolocation(a int)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
	-- Insert into a different table than the function is colocated with
	INSERT INTO forcepushdown_schema.test_forcepushdown_noncolocate VALUES (a);
END;
$fn$;

SELECT create_distributed_function(
  'insert_data(int)', 'a',
  colocate_with := 'test_forcepushdown',
  force_delegation := true
);

SELECT create_distributed_function(
  'insert_data_non_distarg(int)', 'a',
  colocate_with := 'test_forcepushdown',
  force_delegation := true
);

SELECT create_distributed_function(
  'update_data_nonlocal(int)', 'a',
  colocate_with := 'test_forcepushdown',
  force_delegation := true
);

SELECT create_distributed_function(
  'insert_data_noncolocation(int)', 'a',
  colocate_with := 'test_forcepushdown',
  force_delegation := true
);

SET client_min_messages TO DEBUG1;

SELECT public.wait_until_metadata_sync(30000);

SELECT 'Transaction with no errors' Testing;

BEGIN;

INSERT INTO forcepushdown_schema.test_forcepushdown VALUES (1);

SELECT insert_data(2);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

INSERT INTO forcepushdown_schema.test_forcepushdown VALUES (3);

COMMIT;

SELECT 'Transaction with duplicate error in the remote function' Testing;

BEGIN;

INSERT INTO forcepushdown_schema.test_forcepushdown VALUES (4);

SELECT insert_data(3);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  duplicate key value violates unique constraint "test_forcepushdown_pkey_900015"

INSERT INTO forcepushdown_schema.test_forcepushdown VALUES (5);
-- citus: ERROR:  current transaction is aborted, commands ignored until end of transaction block

COMMIT;

SELECT 'Transaction with duplicate error in the local statement' Testing;

BEGIN;

INSERT INTO forcepushdown_schema.test_forcepushdown VALUES (6);

SELECT insert_data(7);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

INSERT INTO forcepushdown_schema.test_forcepushdown VALUES (8);

INSERT INTO forcepushdown_schema.test_forcepushdown VALUES (8);
-- citus: ERROR:  duplicate key value violates unique constraint "test_forcepushdown_pkey_900000"

COMMIT;

SELECT 'Transaction with function using non-distribution argument' Testing;

BEGIN;

SELECT insert_data_non_distarg(9);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

COMMIT;

SELECT 'Transaction with function doing remote connection' Testing;

BEGIN;

INSERT INTO forcepushdown_schema.test_forcepushdown VALUES (11);

SELECT update_data_nonlocal(12);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

INSERT INTO forcepushdown_schema.test_forcepushdown VALUES (13);
-- citus: ERROR:  current transaction is aborted, commands ignored until end of transaction block

COMMIT;

SELECT 'Transaction with no errors but with a rollback' Testing;

BEGIN;

INSERT INTO forcepushdown_schema.test_forcepushdown VALUES (14);

SELECT insert_data(15);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

INSERT INTO forcepushdown_schema.test_forcepushdown VALUES (16);

ROLLBACK;

BEGIN;

SELECT insert_data(intcol+17) from test_forcepushdown where intcol = 1;
-- citus: ERROR:  cannot execute a distributed query from a query on a shard

COMMIT;

BEGIN;

SELECT insert_data_noncolocation(19);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

COMMIT;

SELECT insert_data_noncolocation(19);
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

SELECT * FROM forcepushdown_schema.test_forcepushdown ORDER BY 1;

CREATE TABLE test_nested (id int, name text);

SELECT create_distributed_table('test_nested','id');

INSERT INTO test_nested VALUES (100,'hundred');

INSERT INTO test_nested VALUES (200,'twohundred');

INSERT INTO test_nested VALUES (300,'threehundred');

INSERT INTO test_nested VALUES (400,'fourhundred');

INSERT INTO test_nested VALUES (512,'fivetwelve');

CREATE OR REPLACE FUNCTION inner_force_delegation_function(int)
RETURNS NUMERIC AS $$
DECLARE ret_val NUMERIC;
BEGIN
        SELECT max(id)::numeric+1 INTO ret_val  FROM forcepushdown_schema.test_nested WHERE id = $1;
	RAISE NOTICE 'inner_force_delegation_function():%', ret_val;
        RETURN ret_val;
END;
$$  LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION func_calls_forcepush_func()
RETURNS NUMERIC AS $$
DECLARE incremented_val NUMERIC;
BEGIN
	-- Constant distribution argument
	SELECT inner_force_delegation_function INTO incremented_val FROM inner_force_delegation_function(100);
	RETURN incremented_val;
END;
$$  LANGUAGE plpgsql;

SELECT create_distributed_function('func_calls_forcepush_func()');

SELECT create_distributed_function('inner_force_delegation_function(int)', '$1', colocate_with := 'test_nested', force_delegation := true);

SELECT public.wait_until_metadata_sync(30000);

BEGIN;

SELECT func_calls_forcepush_func();
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

COMMIT;

SELECT func_calls_forcepush_func();

SET citus.enable_metadata_sync TO OFF;

CREATE OR REPLACE FUNCTION get_val()
RETURNS INT AS $$
BEGIN
        RETURN 100::INT;
END;
$$  LANGUAGE plpgsql;

RESET citus.enable_metadata_sync;

CREATE OR REPLACE FUNCTION func_calls_forcepush_func_infrom()
RETURNS NUMERIC AS $$
DECLARE incremented_val NUMERIC;
DECLARE add_val INT;
BEGIN
	add_val := get_val();
	SELECT inner_force_delegation_function INTO incremented_val FROM inner_force_delegation_function(add_val + 100);
	RETURN incremented_val;
END;
$$  LANGUAGE plpgsql;

SELECT func_calls_forcepush_func_infrom();
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

BEGIN;

SELECT func_calls_forcepush_func_infrom();
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

COMMIT;

CREATE OR REPLACE FUNCTION func_calls_forcepush_func_intarget()
RETURNS NUMERIC AS $$
DECLARE incremented_val NUMERIC;
DECLARE add_val INT;
BEGIN
	add_val := get_val();
	SELECT inner_force_delegation_function(100 + 100) INTO incremented_val OFFSET 0;
	RETURN incremented_val;
END;
$$  LANGUAGE plpgsql;

SELECT func_calls_forcepush_func_intarget();
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

BEGIN;

SELECT func_calls_forcepush_func_intarget();

COMMIT;

CREATE OR REPLACE FUNCTION test_recursive(inp integer)
RETURNS INT AS $$
DECLARE var INT;
BEGIN
	RAISE NOTICE 'input:%', inp;
	if (inp > 1) then
		inp := inp - 1;
		var := forcepushdown_schema.test_recursive(inp);
		RETURN var;
	else
		RETURN inp;
	END if;
END;
$$  LANGUAGE plpgsql;

SELECT create_distributed_function('test_recursive(int)', '$1', colocate_with := 'test_nested', force_delegation := true);

BEGIN;

SELECT test_recursive(5);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

END;

BEGIN;

SELECT inner_force_delegation_function(id) FROM test_nested WHERE id = 300;
-- citus: ERROR:  cannot execute a distributed query from a query on a shard

END;

BEGIN;

SELECT inner_force_delegation_function((SELECT id+112 FROM test_nested WHERE id=400));
-- citus: ERROR:  cannot execute a distributed query from a query on a shard

END;

BEGIN;

SET LOCAL citus.propagate_set_commands TO 'local';

SET LOCAL citus.allow_nested_distributed_execution TO on;

SELECT inner_force_delegation_function((SELECT id+112 FROM test_nested WHERE id=400));

END;

CREATE OR REPLACE FUNCTION test_non_constant(x int, y bigint)
RETURNS int
AS $$
DECLARE
BEGIN
        RAISE NOTICE 'test_non_constant: % %', x, y;
        RETURN x + y;
END;
$$ LANGUAGE plpgsql;

SELECT create_distributed_function(
'test_non_constant(int,bigint)',
'$1',
colocate_with := 'test_forcepushdown',
force_delegation := true);

SELECT count(*) FROM test_nested;

WITH c AS (SELECT count(*) FROM test_nested),
		     b as (SELECT test_non_constant(99::int, (SELECT COUNT FROM c)))
			SELECT COUNT(*) FROM b;
-- citus: DEBUG:  generating subplan XXX_1 for CTE b: SELECT forcepushdown_schema.test_non_constant(99, (SELECT c.count FROM (SELECT count(*) AS count FROM forcepushdown_schema.test_nested) c)) AS test_non_constant
-- citus: DEBUG:  generating subplan XXX_1 for subquery SELECT count(*) AS count FROM forcepushdown_schema.test_nested

CREATE TABLE emp (
    empname           text NOT NULL,
    salary            integer
);

CREATE TABLE emp_audit(
    operation         char(1)   NOT NULL,
    stamp             timestamp NOT NULL,
    userid            text      NOT NULL,
    empname           text      NOT NULL,
    salary integer
);

SELECT create_distributed_table('emp','empname');

SELECT create_distributed_table('emp_audit','empname');

CREATE OR REPLACE FUNCTION inner_emp(empname text)
RETURNS void
AS $$
DECLARE
BEGIN
    INSERT INTO emp VALUES (empname, 33);
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION outer_emp()
RETURNS void
AS $$
DECLARE
BEGIN
    PERFORM inner_emp('hello');
END;
$$ LANGUAGE plpgsql;

SELECT create_distributed_function('inner_emp(text)','empname', force_delegation := true);

SELECT outer_emp();

SELECT * from emp;

CREATE FUNCTION insert_select_data(a integer)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
	INSERT INTO forcepushdown_schema.test_forcepushdown SELECT(a+1);
END;
$fn$;

SELECT create_distributed_function(
  'insert_select_data(int)', 'a',
  colocate_with := 'test_forcepushdown',
  force_delegation := true
);

BEGIN;

INSERT INTO forcepushdown_schema.test_forcepushdown VALUES (30);

SELECT insert_select_data(20);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  cannot execute a distributed query from a query on a shard

COMMIT;

BEGIN;

SELECT insert_select_data(21);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

END;

BEGIN;

INSERT INTO forcepushdown_schema.test_forcepushdown VALUES (30);

SELECT insert_select_data(22);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  cannot execute a distributed query from a query on a shard

END;

SELECT insert_select_data(20);
-- citus: DEBUG:  pushing down the function call

SELECT * FROM forcepushdown_schema.test_forcepushdown ORDER BY 1;

CREATE FUNCTION insert_select_data_nonlocal(a integer)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
	INSERT INTO forcepushdown_schema.test_forcepushdown(intcol)
		SELECT intcol FROM forcepushdown_schema.test_forcepushdown_noncolocate;
END;
$fn$;

SELECT create_distributed_function(
  'insert_select_data_nonlocal(int)', 'a',
  colocate_with := 'test_forcepushdown',
  force_delegation := true
);

INSERT INTO forcepushdown_schema.test_forcepushdown_noncolocate VALUES (30);

INSERT INTO forcepushdown_schema.test_forcepushdown_noncolocate VALUES (31);

INSERT INTO forcepushdown_schema.test_forcepushdown_noncolocate VALUES (32);

BEGIN;

INSERT INTO forcepushdown_schema.test_forcepushdown VALUES (40);

SELECT insert_select_data_nonlocal(41);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  cannot execute a distributed query from a query on a shard

COMMIT;

SELECT insert_select_data_nonlocal(40);
-- citus: DEBUG:  pushing down the function call

SELECT * FROM forcepushdown_schema.test_forcepushdown ORDER BY 1;

CREATE TABLE test_forcepushdown_char(data char(50) PRIMARY KEY);

SELECT create_distributed_table('test_forcepushdown_char', 'data', colocate_with := 'none');

CREATE TABLE test_forcepushdown_varchar(data varchar PRIMARY KEY);

SELECT create_distributed_table('test_forcepushdown_varchar', 'data', colocate_with := 'none');

CREATE TABLE test_forcepushdown_text(data text PRIMARY KEY);

SELECT create_distributed_table('test_forcepushdown_text', 'data', colocate_with := 'none');

CREATE FUNCTION insert_data_char(a char(50))
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
	INSERT INTO forcepushdown_schema.test_forcepushdown_char VALUES (a);
END;
$fn$;

SELECT create_distributed_function(
  'insert_data_char(char)', 'a',
  colocate_with := 'test_forcepushdown_char',
  force_delegation := true
);

CREATE FUNCTION insert_data_varchar(a varchar)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
	INSERT INTO forcepushdown_schema.test_forcepushdown_varchar VALUES (a);
END;
$fn$;

SELECT create_distributed_function(
  'insert_data_varchar(varchar)', 'a',
  colocate_with := 'test_forcepushdown_varchar',
  force_delegation := true
);

CREATE FUNCTION insert_data_text(a text)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
	INSERT INTO forcepushdown_schema.test_forcepushdown_text VALUES (a);
END;
$fn$;

SELECT create_distributed_function(
  'insert_data_text(text)', 'a',
  colocate_with := 'test_forcepushdown_text',
  force_delegation := true
);

SELECT insert_data_varchar('VARCHAR');
-- citus: DEBUG:  pushing down the function call

BEGIN;

SELECT insert_data_varchar('VARCHAR2');
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

COMMIT;

SELECT insert_data_text('TEXT');
-- citus: DEBUG:  pushing down the function call

BEGIN;

SELECT insert_data_text('TEXT2');
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

COMMIT;

SELECT insert_data_char('CHAR');
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

BEGIN;

SELECT insert_data_char('CHAR');
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

COMMIT;

SELECT * FROM test_forcepushdown_char ORDER BY 1;

SELECT * FROM test_forcepushdown_varchar ORDER BY 1;

SELECT * FROM test_forcepushdown_text ORDER BY 1;

CREATE TABLE test_subquery(data int, result int);

SELECT create_distributed_table('test_subquery', 'data', colocate_with := 'none');

CREATE TABLE test_non_colocated(id int);

SELECT create_distributed_table('test_non_colocated', 'id', colocate_with := 'none');

CREATE FUNCTION select_data(a integer)
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE var INT;
BEGIN
        SELECT result INTO var FROM forcepushdown_schema.test_subquery WHERE data =
		(SELECT data FROM forcepushdown_schema.test_subquery WHERE data = a);
	RAISE NOTICE 'Result: %', var;
END;
$fn$;

SELECT create_distributed_function(
  'select_data(int)', 'a',
  colocate_with := 'test_subquery',
  force_delegation := true
);

CREATE FUNCTION select_data_noncolocate(a integer)
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE var INT;
BEGIN
	-- Key is the same but colocation ID is different
        SELECT data INTO var FROM forcepushdown_schema.test_subquery WHERE data =
		(SELECT id FROM forcepushdown_schema.test_non_colocated WHERE id = a);
	RAISE NOTICE 'Result: %', var;
END;
$fn$;

SELECT create_distributed_function(
  'select_data_noncolocate(int)', 'a',
  colocate_with := 'test_subquery',
  force_delegation := true
);

CREATE FUNCTION insert_select_data_cte1(a integer)
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE var INT;
BEGIN
	WITH ins AS (INSERT INTO forcepushdown_schema.test_subquery VALUES (a) RETURNING data)
			SELECT ins.data INTO var FROM ins;
	RAISE NOTICE 'Result: %', var;
END;
$fn$;

SELECT create_distributed_function(
  'insert_select_data_cte1(int)', 'a',
  colocate_with := 'test_subquery',
  force_delegation := true
);

CREATE FUNCTION insert_select_data_cte2(a integer)
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE var INT;
BEGIN
	WITH ins AS (INSERT INTO forcepushdown_schema.test_subquery VALUES (a) RETURNING data)
		SELECT ins.data INTO var FROM forcepushdown_schema.test_subquery, ins WHERE forcepushdown_schema.test_subquery.data = a;
	RAISE NOTICE 'Result: %', var;
END;
$fn$;

SELECT create_distributed_function(
  'insert_select_data_cte2(int)', 'a',
  colocate_with := 'test_subquery',
  force_delegation := true
);

CREATE FUNCTION insert_data_cte_nondist(a integer)
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE var INT;
BEGIN
	-- Inserting a non-distribution argument (a+1)
	WITH ins AS (INSERT INTO forcepushdown_schema.test_subquery VALUES (a+1) RETURNING data)
		SELECT ins.data INTO var FROM forcepushdown_schema.test_subquery, ins WHERE forcepushdown_schema.test_subquery.data = a;
	RAISE NOTICE 'Result: %', var;
END;
$fn$;

SELECT create_distributed_function(
  'insert_data_cte_nondist(int)', 'a',
  colocate_with := 'test_subquery',
  force_delegation := true
);

INSERT INTO forcepushdown_schema.test_subquery VALUES(100, -1);

SELECT select_data(100);
-- citus: DEBUG:  pushing down the function call

BEGIN;

SELECT select_data(100);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  cannot execute a distributed query from a query on a shard

END;

SELECT select_data_noncolocate(100);
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

BEGIN;

SELECT select_data_noncolocate(100);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

END;

SELECT insert_select_data_cte1(200);
-- citus: DEBUG:  pushing down the function call

BEGIN;

SELECT insert_select_data_cte1(200);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

COMMIT;

SELECT insert_select_data_cte2(300);
-- citus: DEBUG:  pushing down the function call

BEGIN;

SELECT insert_select_data_cte2(300);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

COMMIT;

SELECT insert_data_cte_nondist(400);
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

BEGIN;

SELECT insert_data_cte_nondist(400);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

COMMIT;

SELECT * FROM forcepushdown_schema.test_subquery ORDER BY 1;

SELECT 1,2,3 FROM select_data(100);
-- citus: DEBUG:  pushing down the function call

BEGIN;

SELECT 1,2,3 FROM select_data(100);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  cannot execute a distributed query from a query on a shard

END;

CREATE TABLE table_test_prepare(i int, j bigint);

SELECT create_distributed_table('table_test_prepare', 'i', colocate_with := 'none');

DROP FUNCTION test_prepare(int, int);
-- citus: ERROR:  function test_prepare(integer, integer) does not exist

CREATE OR REPLACE FUNCTION test_prepare(x int, y int)
RETURNS bigint
AS $$
DECLARE
BEGIN
    INSERT INTO forcepushdown_schema.table_test_prepare VALUES (x, y);
    INSERT INTO forcepushdown_schema.table_test_prepare VALUES (y, x);
	RETURN x + y;
END;
$$ LANGUAGE plpgsql;

SELECT create_distributed_function('test_prepare(int,int)','x',force_delegation :=true, colocate_with := 'table_test_prepare');

DROP FUNCTION outer_test_prepare(int, int);
-- citus: ERROR:  function outer_test_prepare(integer, integer) does not exist

CREATE OR REPLACE FUNCTION outer_test_prepare(x int, y int)
RETURNS void
AS $$
DECLARE
    v int;
BEGIN
    PERFORM FROM test_prepare(x, y);
    PERFORM 1, 1 + a FROM test_prepare(x + 1, y + 1) a;
END;
$$ LANGUAGE plpgsql;

BEGIN;

SELECT outer_test_prepare(1,1);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

SELECT outer_test_prepare(1,1);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

SELECT outer_test_prepare(1,1);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

SELECT outer_test_prepare(1,1);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

SELECT outer_test_prepare(1,1);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

SELECT COUNT(*) FROM table_test_prepare;

SELECT outer_test_prepare(1,1);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

SELECT outer_test_prepare(1,1);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

END;

SELECT outer_test_prepare(1,2);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

SELECT COUNT(*) FROM table_test_prepare;

CREATE TABLE test_perform(i int);

SELECT create_distributed_table('test_perform', 'i', colocate_with := 'none');

CREATE OR REPLACE FUNCTION test(x int)
RETURNS int
AS $$
DECLARE
BEGIN
    RAISE NOTICE 'INPUT %', x;
    RETURN x;
END;
$$ LANGUAGE plpgsql;

SELECT create_distributed_function('test(int)', 'x',
                colocate_with := 'test_perform', force_delegation := true);

DO $$
BEGIN
    PERFORM test(3);
END;
$$ LANGUAGE plpgsql;

CREATE TABLE testnested_table (x int, y int);

SELECT create_distributed_table('testnested_table','x');

CREATE OR REPLACE FUNCTION inner_fn(x int)
RETURNS void
AS $$
DECLARE
BEGIN
    INSERT INTO forcepushdown_schema.testnested_table VALUES (x,x);
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION outer_local_fn()
RETURNS void
AS $$
DECLARE
BEGIN
    PERFORM 1 FROM inner_fn(1);
    INSERT INTO forcepushdown_schema.testnested_table VALUES (2,3);
    PERFORM 1 FROM inner_fn(4);
    INSERT INTO forcepushdown_schema.testnested_table VALUES (5,6);
END;
$$ LANGUAGE plpgsql;

SELECT create_distributed_function('inner_fn(int)','x',
		colocate_with:='testnested_table', force_delegation := true);

SELECT outer_local_fn();
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

SELECT * FROM testnested_table ORDER BY 1;

BEGIN;

SELECT outer_local_fn();

END;

SELECT * FROM testnested_table ORDER BY 1;

DROP FUNCTION inner_fn(int);

DROP FUNCTION outer_local_fn();

TRUNCATE TABLE testnested_table;

CREATE OR REPLACE FUNCTION inner_fn(x int)
RETURNS void
AS $$
DECLARE
BEGIN
    INSERT INTO forcepushdown_schema.testnested_table VALUES (x,x);
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION outer_fn(y int, z int)
RETURNS void
AS $$
DECLARE
BEGIN
    PERFORM 1 FROM forcepushdown_schema.inner_fn(y);
    INSERT INTO forcepushdown_schema.testnested_table VALUES (y,y);
    PERFORM 1 FROM forcepushdown_schema.inner_fn(z);
    INSERT INTO forcepushdown_schema.testnested_table VALUES (z,z);
END;
$$ LANGUAGE plpgsql;

SELECT create_distributed_function('inner_fn(int)','x',
		colocate_with:='testnested_table', force_delegation := false);

SELECT create_distributed_function('outer_fn(int, int)','y',
		colocate_with:='testnested_table', force_delegation := true);

SELECT outer_fn(1, 2);
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

BEGIN;

SELECT outer_fn(1, 2);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

END;

SELECT * FROM testnested_table ORDER BY 1;

CREATE OR REPLACE FUNCTION force_push_inner(y int)
RETURNS void
AS $$
DECLARE
BEGIN
    INSERT INTO forcepushdown_schema.testnested_table VALUES (y,y);
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION force_push_outer(x int)
RETURNS void
AS $$
DECLARE
BEGIN
    INSERT INTO forcepushdown_schema.testnested_table VALUES (x,x);
    PERFORM forcepushdown_schema.force_push_inner(x+1) LIMIT 1;
END;
$$ LANGUAGE plpgsql;

SELECT create_distributed_function(
  'force_push_outer(int)', 'x',
  colocate_with := 'testnested_table',
  force_delegation := true
);

SELECT create_distributed_function(
  'force_push_inner(int)', 'y',
  colocate_with := 'testnested_table',
  force_delegation := true
);

SELECT force_push_outer(7);
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

BEGIN;

SELECT force_push_outer(8);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

END;

BEGIN;

SELECT force_push_outer(14);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

END;

SELECT * FROM testnested_table ORDER BY 1;

CREATE OR REPLACE FUNCTION force_push_1(x int)
RETURNS void
AS $$
DECLARE
BEGIN
    INSERT INTO forcepushdown_schema.testnested_table VALUES (x,x);
    PERFORM forcepushdown_schema.force_push_2(x+1) LIMIT 1;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION force_push_2(y int)
RETURNS void
AS $$
DECLARE
BEGIN
    INSERT INTO forcepushdown_schema.testnested_table VALUES (y,y);
    PERFORM forcepushdown_schema.force_push_3(y+1) LIMIT 1;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION force_push_3(z int)
RETURNS void
AS $$
DECLARE
BEGIN
    INSERT INTO forcepushdown_schema.testnested_table VALUES (z,z);
END;
$$ LANGUAGE plpgsql;

SELECT create_distributed_function(
  'force_push_1(int)', 'x',
  colocate_with := 'testnested_table',
  force_delegation := true
);

SELECT create_distributed_function(
  'force_push_2(int)', 'y',
  colocate_with := 'testnested_table',
  force_delegation := true
);

SELECT create_distributed_function(
  'force_push_3(int)', 'z',
  colocate_with := 'testnested_table',
  force_delegation := true
);

TRUNCATE TABLE testnested_table;

BEGIN;

SELECT force_push_1(7);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

END;

BEGIN;

SELECT force_push_1(13);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

END;

SELECT * FROM testnested_table ORDER BY 1;

TRUNCATE TABLE testnested_table;

CREATE OR REPLACE FUNCTION force_push_inner(y int)
RETURNS void
AS $$
DECLARE
BEGIN
    INSERT INTO forcepushdown_schema.testnested_table VALUES (y,y);
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION force_push_outer(x int)
RETURNS void
AS $$
DECLARE
BEGIN
    PERFORM FROM forcepushdown_schema.force_push_inner(x);
    INSERT INTO forcepushdown_schema.testnested_table VALUES (x+1,x+1);
END;
$$ LANGUAGE plpgsql;

SELECT create_distributed_function(
  'force_push_inner(int)', 'y',
  colocate_with := 'testnested_table',
  force_delegation := true
);

SELECT create_distributed_function(
  'force_push_outer(int)', 'x',
  colocate_with := 'testnested_table',
  force_delegation := true
);

BEGIN;

SELECT force_push_outer(7);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call
-- citus: ERROR:  queries must filter by the distribution argument in the same colocation group when using the forced function pushdown

END;

TABLE testnested_table ORDER BY 1;

CREATE OR REPLACE FUNCTION force_push_inner(y int)
RETURNS void
AS $$
DECLARE
BEGIN
	RAISE NOTICE '%', y;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION force_push_outer(x int)
RETURNS void
AS $$
DECLARE
BEGIN
    PERFORM FROM forcepushdown_schema.force_push_inner(x+1);
    INSERT INTO forcepushdown_schema.testnested_table VALUES (x,x);
END;
$$ LANGUAGE plpgsql;

BEGIN;

SELECT force_push_outer(9);
-- citus: DEBUG:  pushing down function call in a multi-statement transaction
-- citus: DEBUG:  pushing down the function call

END;

TABLE testnested_table ORDER BY 1;

RESET client_min_messages;

-- left out: SET citus.log_remote_commands TO OFF (recording reads the commands Citus logs; a session that turns it off
-- has its statements judged as not seen, see SessionSettingTest)

DROP SCHEMA forcepushdown_schema CASCADE;

