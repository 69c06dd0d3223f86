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
# TLS (issue 13): a CA made here signs the server's certificate (127.0.0.1 and localhost); the test role may connect
# over TLS only (hostnossl ... reject), so the PostgreSQL ITs (.ci/checks/20-verify-postgresql.sh, DB_SSLMODE=verify-full)
# cannot pass on a plain connection. IT3_PG_SSLROOTCERT is the CA file the clients verify against.
pg_tls=/var/lib/postgresql/it3-tls
if [ ! -s "$pg_tls/server.crt" ]; then
  mkdir -p "$pg_tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=prediction-service CI database CA" \
    -keyout "$pg_tls/ca.key" -out "$pg_tls/ca.crt" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$pg_tls/server.key" -out "$pg_tls/server.csr" \
    2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$pg_tls/san.ext"
  openssl x509 -req -in "$pg_tls/server.csr" -CA "$pg_tls/ca.crt" -CAkey "$pg_tls/ca.key" -CAcreateserial -days 30 \
    -extfile "$pg_tls/san.ext" -out "$pg_tls/server.crt" 2>/dev/null
  chown -R postgres:postgres "$pg_tls"; chmod 600 "$pg_tls/server.key" "$pg_tls/ca.key"; chmod 644 "$pg_tls/ca.crt"
fi
hba="/etc/postgresql/$IT3_PG_VERSION/main/pg_hba.conf"
grep -q "^hostnossl $IT3_PG_DB $IT3_PG_USER" "$hba" \
  || sed -i "1i hostnossl $IT3_PG_DB $IT3_PG_USER all reject" "$hba"
su postgres -c "psql -q -p $IT3_PG_PORT -v ON_ERROR_STOP=1" <<SQL
ALTER SYSTEM SET ssl_cert_file = '$pg_tls/server.crt';
ALTER SYSTEM SET ssl_key_file = '$pg_tls/server.key';
ALTER SYSTEM SET ssl_ca_file = '';
ALTER SYSTEM SET ssl = on;
SELECT pg_reload_conf() \gset
SQL
export IT3_PG_SSLROOTCERT=$pg_tls/ca.crt
echo "PostgreSQL $IT3_PG_VERSION on port $IT3_PG_PORT, database $IT3_PG_DB ready (TLS only for $IT3_PG_USER)"
