-- The schema ExistingClusterIT applies on the "existing" cluster, with rows: the kit restores them between tests.
CREATE TABLE existing_plans (id int PRIMARY KEY, name text NOT NULL);
SELECT create_reference_table('existing_plans');
INSERT INTO existing_plans VALUES (1, 'free'), (2, 'pro');

CREATE TABLE existing_accounts (owner_id bigint NOT NULL, id bigserial, plan_id int REFERENCES existing_plans (id), PRIMARY KEY (owner_id, id));
SELECT create_distributed_table('existing_accounts', 'owner_id');
INSERT INTO existing_accounts (owner_id, plan_id) VALUES (1, 1), (2, 2), (3, 2);
