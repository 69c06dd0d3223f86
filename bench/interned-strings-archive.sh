#!/usr/bin/env bash
# Writes a CDS archive holding the strings the server interns, for a server outside the image: the image's JRE has them
# in its default archive (Dockerfile), and bench/run.sh gives its servers the same through this file
# (bench/README.md, "The interned strings in the CDS archive"). Every young collection walks the JVM's string table
# (~60,000 entries on a started server), and strings in the archive's shared table are not in it.
#   bench/interned-strings-archive.sh OUT.jsa        then run the server with JVM_ARGS=-XX:SharedArchiveFile=OUT.jsa
# The list comes from scripts/interned-strings.sh (a private server, started and sent requests; ~1 minute); the archive
# is dumped by the java of JAVA_HOME (an archive maps only on the JVM build that wrote it) with the one jvm.options flag
# that decides whether it maps, -XX:+UseCompactObjectHeaders.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: bench/interned-strings-archive.sh OUT.jsa}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ -f target/prediction-service.war ] || ./mvnw -q -B -DskipTests package
mkdir -p "$(dirname "$out")"
strings_file=${out%.jsa}.txt
scripts/interned-strings.sh "$strings_file"
coh=
grep -qx -- '-XX:+UseCompactObjectHeaders' liberty/config/jvm.options && coh=-XX:+UseCompactObjectHeaders
"$java" -Xshare:dump $coh -XX:SharedArchiveFile="$out" -XX:SharedArchiveConfigFile="$strings_file" >/dev/null
echo "archive: $out, $("$java" $coh -XX:SharedArchiveFile="$out" -XX:+PrintSharedArchiveAndExit 2>&1 \
  | sed -n 's/^Number of shared strings: //p') shared strings ($("$java" -version 2>&1 | head -n 1))" >&2
