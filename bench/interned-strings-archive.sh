#!/usr/bin/env bash
# Writes a CDS archive that holds the strings a loaded server interns, for an experiment with the young collections
# (bench/README.md, "The young pause's weak roots: the interned strings"): every young collection walks all the
# entries of the JVM's string table (~60k on a loaded server: class names and the literals of Liberty's, the
# libraries' and the application's classes), and strings in a CDS archive's shared table are not among them.
# Starts README's server on loopback (.ci/tools/liberty-server.sh) with the java of JAVA_HOME, loads /predict for
# 30 s, dumps its string table (jcmd VM.stringtable -verbose), stops it, then dumps the archive with that same java
# (an archive only maps on the JVM build that wrote it). Use it with -XX:SharedArchiveFile=OUT, for example:
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/interned-strings-archive.sh target/bench/strings.jsa
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/compare-jvm-options.sh \
#     shipped= "strings=-XX:SharedArchiveFile=$PWD/target/bench/strings.jsa" shipped= "strings=..."
# JDK 17 writes the archive but ignores its strings when the collector is not G1 ("CDS heap data is being ignored");
# JDK 25 (the machine's Temurin) loads them with the serial collector; JDK 21 was not tried.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: JAVA_HOME=... bench/interned-strings-archive.sh OUT.jsa}
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
[ -f target/prediction-service.war ] || ./mvnw -q -B -DskipTests package
mkdir -p "$(dirname "$out")"
strings_file=$(mktemp)
trap 'rm -f "$strings_file"' EXIT

dump_strings() { # in a subshell, so that the server helper's exit trap stops this server
  # shellcheck source=../.ci/tools/liberty-server.sh
  source .ci/tools/liberty-server.sh
  start_server && wait_ready http://127.0.0.1:9080/health/ready 240 >/dev/null || { echo "the server did not start" >&2; return 1; }
  wrk -t2 -c64 -d30s -s bench/predict.lua http://127.0.0.1:9080/predict >/dev/null
  curl -s -o /dev/null http://127.0.0.1:9080/metrics
  # The format -XX:SharedArchiveConfigFile reads: a version line, a section, then "length: text" lines as jcmd prints them.
  { echo "VERSION: 1.0"; echo "@SECTION: String"
    "${java_bin}jcmd" "$server_pid" VM.stringtable -verbose | grep -E '^[0-9]+: '; } >"$strings_file"
}
( dump_strings )
echo "$(($(wc -l <"$strings_file") - 2)) interned strings from the loaded server"
"${java_bin}java" -Xshare:dump -XX:SharedArchiveFile="$out" -XX:SharedArchiveConfigFile="$strings_file" >/dev/null
echo "archive: $out ($("${java_bin}java" -version 2>&1 | head -n 1))"
