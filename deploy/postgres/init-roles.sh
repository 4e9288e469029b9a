#!/bin/sh
# compose's postgres runs this once, on an empty data directory (/docker-entrypoint-initdb.d): the roles
# and database of roles.sql, with the passwords compose passes in.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v database=mockmind -v migrator=mockmind_migrator -v migrator_password="$MIGRATOR_DB_PASSWORD" \
  -v service=mockmind -v service_password="$SERVICES_DB_PASSWORD" \
  -f /etc/mockmind/roles.sql
