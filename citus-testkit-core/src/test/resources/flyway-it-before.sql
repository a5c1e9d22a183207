-- applied before the Flyway migrations: V2 inserts into this table
CREATE TABLE countries (code text PRIMARY KEY);
SELECT create_reference_table('countries');
