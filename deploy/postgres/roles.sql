-- MockMind's database roles (deploy/README.md, "Database roles"): the migrator owns the schema; the
-- services' role may only connect (the migrate step grants it rows, never DDL). PostgreSQL >= 15.
-- Run once as a superuser, with psql variables for the names and passwords:
--   psql -v ON_ERROR_STOP=1 -v database=mockmind -v migrator=mockmind_migrator -v migrator_password=… \
--        -v service=mockmind -v service_password=… -f deploy/postgres/roles.sql
-- compose's postgres runs it on an empty data directory (init-roles.sh); tests/integration runs it too.
CREATE ROLE :"migrator" LOGIN PASSWORD :'migrator_password';
CREATE ROLE :"service" LOGIN PASSWORD :'service_password';
CREATE DATABASE :"database" OWNER :"migrator";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"database" TO :"service";
