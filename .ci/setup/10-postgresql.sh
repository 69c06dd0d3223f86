# PostgreSQL for the tests (sourced by .ci/run, as root, no stdin): install if missing, start the distribution's
# cluster, create the test role and database. Idempotent. Exports IT3_PG_* for the checks; it does NOT export
# DB_KIND, so README's test command still runs against the embedded database first.
# curl and openssl are used by the state checks (requests, test tokens).
if ! compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || ! command -v curl >/dev/null \
  || ! command -v openssl >/dev/null; then
  echo "Installing PostgreSQL, curl, openssl"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql curl openssl >/dev/null
fi
IT3_PG_VERSION="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$IT3_PG_VERSION main"; then
  pg_createcluster "$IT3_PG_VERSION" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$IT3_PG_VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$IT3_PG_VERSION" main start
fi
IT3_PG_PORT="$(pg_lsclusters -h | awk -v v="$IT3_PG_VERSION" '$1==v && $2=="main" {print $3}')"
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$IT3_PG_PORT" && break
  sleep 1
done
export IT3_PG_HOST=127.0.0.1 IT3_PG_PORT IT3_PG_USER=prediction_it3 IT3_PG_PASSWORD=prediction_it3 \
  IT3_PG_DB=predictions_it3
# Test-only credentials for a loopback-only database; never used outside tests.
su postgres -c "psql -q -p $IT3_PG_PORT -v ON_ERROR_STOP=1" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$IT3_PG_USER') THEN
    CREATE ROLE $IT3_PG_USER LOGIN PASSWORD '$IT3_PG_PASSWORD';
  END IF;
END \$\$;
SQL
if ! su postgres -c "psql -p $IT3_PG_PORT -tAc \"SELECT 1 FROM pg_database WHERE datname = '$IT3_PG_DB'\"" | grep -q 1; then
  su postgres -c "createdb -p $IT3_PG_PORT -O $IT3_PG_USER $IT3_PG_DB"
fi
echo "PostgreSQL $IT3_PG_VERSION on port $IT3_PG_PORT, database $IT3_PG_DB ready"
