# Shared by .ci/checks/30-state-resilience.sh and bench/: a private PostgreSQL instance (its own data directory and
# port, so stopping it for a fault test touches nothing else) and Liberty servers cloned from the built one.
# Loopback only. Source it; call harness_cleanup from an EXIT trap.
HARNESS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WLP="$HARNESS_ROOT/target/liberty/wlp"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PG_PRIVATE_PORT="${PG_PRIVATE_PORT:-55433}"
PG_PRIVATE_DIR="${PG_PRIVATE_DIR:-/tmp/it3-pg-$PG_PRIVATE_PORT}"
PG_PRIVATE_DB=predictions_it3_state
WORK="${WORK:-$(mktemp -d /tmp/it3-state.XXXXXX)}"
chmod 755 "$WORK"
STARTED_SERVERS=()
source "$HARNESS_ROOT/.ci/lib/time-scale.sh"   # multiplies the waits for a server

log() { printf '[%s] %s\n' "$(date +%T)" "$*"; }
fail() { log "FAIL: $*"; exit 1; }

pg_private() { su postgres -c "$PG_BIN/pg_ctl -D $PG_PRIVATE_DIR -w -t 60 $* -l $PG_PRIVATE_DIR.log" >/dev/null; }

pg_private_init() {
  rm -rf "$PG_PRIVATE_DIR"
  mkdir -p "$PG_PRIVATE_DIR" && chown postgres "$PG_PRIVATE_DIR"
  su postgres -c "$PG_BIN/initdb -D $PG_PRIVATE_DIR -A trust -U postgres" >/dev/null
  cat >>"$PG_PRIVATE_DIR/postgresql.conf" <<CONF
port = $PG_PRIVATE_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/tmp'
fsync = on
CONF
  pg_private start
  psql_private postgres -c "CREATE DATABASE $PG_PRIVATE_DB" >/dev/null
}

psql_private() { local db="$1"; shift; psql -h 127.0.0.1 -p "$PG_PRIVATE_PORT" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qtA "$@"; }
sql() { psql_private "$PG_PRIVATE_DB" -c "$1"; }

# A test key pair made now; tokens signed with openssl (RS256).
jwt_init() {
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$WORK/jwt-private.pem" -pubout -out "$WORK/jwt-public.pem"
}
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
mint_token() {
  local now; now=$(date +%s)
  local header payload
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  # aud: the service's default audience (mp.jwt.verify.audiences); a token without it is refused.
  payload=$(printf '{"iss":"%s","aud":"prediction-service-admin","sub":"ops","upn":"ops","groups":["%s"],"iat":%s,"exp":%s}' \
    "${JWT_ISSUER:-it3-harness}" "$1" "$now" "$((now + 3600))" | b64url)
  printf '%s.%s.%s' "$header" "$payload" \
    "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/jwt-private.pem" | b64url)"
}

# make_bundle VERSION OUT: the default bundle under another version name (jar, from the JDK, edits the zip).
make_bundle() {
  local dir; dir=$(mktemp -d "$WORK/bundle.XXXXXX")
  (cd "$dir" && jar xf "$HARNESS_ROOT/target/classes/model/default.bundle" metadata.json \
    && sed -i "0,/\"version\" *: *\"[^\"]*\"/s//\"version\" : \"$1\"/" metadata.json \
    && cp "$HARNESS_ROOT/target/classes/model/default.bundle" "$2" && jar uf "$2" metadata.json)
}

# bundle_version FILE: the version in a bundle's metadata.json.
bundle_version() {
  local dir; dir=$(mktemp -d "$WORK/bundle.XXXXXX")
  (cd "$dir" && jar xf "$1" metadata.json && sed -n 's/.*"version" *: *"\([^"]*\)".*/\1/p' metadata.json | head -1)
}

# server_create NAME HTTP_PORT HTTPS_PORT: a clone of the built server with the WAR in dropins.
server_create() {
  local dir="$WLP/usr/servers/$1"
  rm -rf "$dir"
  mkdir -p "$dir"
  (cd "$WLP/usr/servers/predictionServer" && tar --exclude=./logs --exclude=./workarea --exclude=./apps \
    --exclude=./dropins --exclude=./data --exclude=./spool -cf - .) | (cd "$dir" && tar -xf -)
  mkdir -p "$dir/dropins"
  cp "$HARNESS_ROOT/target/prediction-service.war" "$dir/dropins/"
  cat >"$dir/server.env" <<ENV
OMP_NUM_THREADS=1
HTTP_PORT=$2
HTTPS_PORT=$3
HTTP_HOST=127.0.0.1
DB_KIND=postgresql
DB_HOST=127.0.0.1
DB_PORT=$PG_PRIVATE_PORT
DB_NAME=$PG_PRIVATE_DB
DB_USER=postgres
DB_PASSWORD=unused-trust-auth
MP_JWT_VERIFY_PUBLICKEY_LOCATION=$WORK/jwt-public.pem
MP_JWT_VERIFY_ISSUER=it3-harness
MODELS_POLL_INTERVAL_MS=1000
KEYSTORE_PASSWORD=$(openssl rand -hex 16)
ENV
}

server_start() {
  "$WLP/bin/server" start "$1" >/dev/null || fail "server $1 did not start"
  STARTED_SERVERS+=("$1")
}
server_pid() { cat "$WLP/usr/servers/.pid/$1.pid" 2>/dev/null; }
server_stop() { "$WLP/bin/server" stop "$1" >/dev/null 2>&1 || true; }

wait_ready() { # PORT [seconds]
  local deadline=$((SECONDS + ${2:-180} * CI_TIME_SCALE))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/health/ready")" = 200 ]; do
    [ $SECONDS -lt $deadline ] || fail "server on $1 not ready"
    sleep 1
  done
}

metric() { # PORT NAME -> value (0 if absent)
  curl -s "http://127.0.0.1:$1/metrics?scope=application" | awk -v n="$2" '$1 ~ "^"n"({|$)" {v=$2} END {print v+0}'
}

# stream PORT PREFIX OUTFILE: sequential single predictions with ids PREFIX-N until $WORK/stop-PREFIX exists;
# one line per request: "<id> <status> <model_version>".
stream() {
  local port=$1 prefix=$2 out=$3 n=0 body
  : >"$out"
  while [ ! -e "$WORK/stop-$prefix" ] && [ $n -lt 100000 ]; do
    body=$(curl -s -m 5 -H 'Content-Type: application/json' -H "X-Request-ID: $prefix-$n" \
      -w ' %{http_code}' -d "{\"age\":$((n % 100)),\"income\":$((n * 10)),\"category\":\"A\"}" \
      "http://127.0.0.1:$port/predict" || true)
    printf '%s %s %s\n' "$prefix-$n" "${body##* }" "$(sed -n 's/.*"model_version":"\([^"]*\)".*/\1/p' <<<"$body")" >>"$out"
    n=$((n + 1))
  done
}

harness_cleanup() {
  for s in "${STARTED_SERVERS[@]}"; do server_stop "$s"; done
  [ -d "$PG_PRIVATE_DIR" ] && su postgres -c "$PG_BIN/pg_ctl -D $PG_PRIVATE_DIR stop -m fast" >/dev/null 2>&1
  rm -rf "$PG_PRIVATE_DIR" "$PG_PRIVATE_DIR.log"
  for s in "${STARTED_SERVERS[@]}"; do rm -rf "$WLP/usr/servers/$s"; done
  rm -rf "$WORK"
  jobs -p | xargs -r kill 2>/dev/null || true
}
