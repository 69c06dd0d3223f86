# Sourced by .ci/run. The JDK of the build, the tests and every server CI starts: Java 25, the image's Java (the
# server's jvm.options use compact object headers, a JDK 25 option; bench/README.md, "The interned strings in the CDS
# archive"). Keeps a JAVA_HOME that already is a JDK 25, else takes the newest JDK 25 under /usr/lib/jvm, else fails
# with what to install. Debian bookworm carries no JDK 25 (trixie's openjdk-25-jdk-headless, or a Temurin 25, do).
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/javac" ] || [ "$(java_major "$JAVA_HOME")" != 25 ]; then
  JAVA_HOME=
  for jdk in $(ls -d /usr/lib/jvm/*25* 2>/dev/null | sort -V -r); do
    if [ -x "$jdk/bin/javac" ] && [ "$(java_major "$jdk")" = 25 ]; then JAVA_HOME=$(readlink -f "$jdk"); break; fi
  done
  [ -n "$JAVA_HOME" ] || { echo "no JDK 25 found (JAVA_HOME, /usr/lib/jvm/*25*): install one, e.g. Temurin 25" >&2; exit 1; }
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
echo "JDK: $JAVA_HOME ($("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1))"
