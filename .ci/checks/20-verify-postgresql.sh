#!/usr/bin/env bash
# The integration tests once more, now against the real PostgreSQL that .ci/setup/10-postgresql.sh started (the
# first run, README's test command, used the embedded H2). Reuses the build: only the IT server is re-cloned and
# the failsafe tests re-run, with DB_KIND=postgresql in the environment of the tests and of the server.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${IT3_PG_PORT:-}" ] || source .ci/setup/10-postgresql.sh
source .ci/lib/time-scale.sh
# Over TLS, verifying the server's certificate and name (the database refuses this role without TLS).
export DB_KIND=postgresql DB_HOST="$IT3_PG_HOST" DB_PORT="$IT3_PG_PORT" DB_NAME="$IT3_PG_DB" \
  DB_USER="$IT3_PG_USER" DB_PASSWORD="$IT3_PG_PASSWORD" DB_SSLMODE=verify-full DB_SSLROOTCERT="$IT3_PG_SSLROOTCERT"
http_port="${IT_HTTP_PORT:-19080}"
ports=(-Dit.http.port="$http_port" -Dit.https.port="${IT_HTTPS_PORT:-19443}")
# A fresh IT server (pom.xml names it it-server-<port>): its data, logs and spool from an H2 run would only confuse.
rm -rf "target/liberty/wlp/usr/servers/it-server-$http_port"
# arquillian.xml names the IT server and its port: filter it again for these ports (with the JaCoCo agent argument).
timeout $((1200 * CI_TIME_SCALE)) ./mvnw -B -o "${ports[@]}" jacoco:prepare-agent-integration@agent-integration resources:testResources \
  resources:copy-resources@clone-it-server \
  failsafe:integration-test@default failsafe:verify@default
echo "ITs against PostgreSQL passed (sslmode=verify-full)"
