#!/bin/sh
# Entry point of fleet/postgres.Containerfile: on an empty data directory, initdb with POSTGRES_USER as the superuser and
# the password from POSTGRES_PASSWORD_FILE (SCRAM over TCP from anywhere; local socket connections inside the container
# trusted), and POSTGRES_DB; then PostgreSQL in the foreground.
set -eu
user=${POSTGRES_USER:-postgres}
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  initdb -D "$PGDATA" -U "$user" --pwfile="${POSTGRES_PASSWORD_FILE:?a file with the password}" -E UTF8 \
    --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  echo 'host all all all scram-sha-256' >>"$PGDATA/pg_hba.conf"
  if [ "${POSTGRES_DB:-$user}" != postgres ]; then
    echo "CREATE DATABASE \"${POSTGRES_DB:-$user}\" OWNER \"$user\"" | postgres --single -D "$PGDATA" postgres >/dev/null
  fi
  echo "initialised $PGDATA: database ${POSTGRES_DB:-$user}, owner $user"
fi
exec postgres -D "$PGDATA" -c listen_addresses="${LISTEN_ADDRESSES:-*}"
