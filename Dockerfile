# syntax=docker/dockerfile:1.7
# The prediction service image. It runs what the tests ran: the Open Liberty runtime the Maven build assembled
# (liberty-maven-plugin, openliberty-runtime 26.0.0.3 full zip, minified to the features server.xml lists) on Debian
# trixie's OpenJDK 25 (HotSpot), the JVM family of `./mvnw verify` and of every measured figure. Its default CDS archive
# is rewritten with the strings the server interns (see the runtime stage).
#
#   docker build -t prediction-service:0.1.0 --build-arg VERSION=0.1.0 --build-arg REVISION=$(git rev-parse HEAD) \
#     --build-arg CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ) .
#
# Both stages start from the same pinned public Debian image (a dated tag; pin its digest in your registry mirror if
# you have one). Without a registry (CI, DESIGN §10), .ci/tools/stand-in-base.sh makes a local stand-in of the same
# distribution under this very name and `podman build --pull=never` uses it. The JDK and JRE come from Debian's
# packages in both cases.
#
# Run it with a read-only root file system: the only writable paths are the volumes the Kubernetes Deployment mounts,
# /opt/ol/wlp/output (Liberty's workarea, the embedded H2 database, a generated keystore, the prediction-log spool by
# default), /var/spool/prediction-log (the spool where PREDICTION_LOG_SPOOL_DIR points it, as the Deployment does),
# /logs and /tmp (JVM temp files, the JavaCPP cache of ND4J's natives).

# ---------------------------------------------------------------------------------------------------------------------
FROM debian:trixie-20260406-slim AS build
# curl: scripts/interned-strings.sh sends the built server its requests.
# hadolint ignore=DL3008 (versions come from the pinned suite)
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-25-jdk-headless ca-certificates \
      curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /build
# Build files first: the dependency download is cached until pom.xml or the wrapper change.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:resolve dependency:resolve-plugins
# Then the sources (config/ holds the Checkstyle rules the validate phase runs). `package` compiles, packs the
# committed default model into the WAR and creates the Liberty server (full runtime zip) whose lib/ holds DL4J, ND4J
# with its natives and the JDBC drivers. Tests, and the retraining check of the default model (-Dexec.skip: it only
# compares a fresh training with the committed bundle, which the WAR carries either way), run in CI, not here.
COPY config/ config/
COPY liberty/ liberty/
COPY src/ src/
# `package` also writes the CycloneDX SBOM (the WAR's jars, lib/global, lib/jdbc), shipped in the image at
# /opt/ol/wlp/usr/servers/predictionServer/sbom/ for scanners.
# `server package --include=minify` keeps only the runtime parts the server's features need (the plugin's
# liberty:package does the same): 326 MB of wlp/lib become about 60 MB. The result is split so that the runtime, the
# shared library, the configuration and the WAR each get their own layer, least often changed first. The archive keeps
# some files private to their owner (server.xml, lib/versions): everything is made readable, and nothing writable, for
# the unprivileged user that runs the server.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests -Dexec.skip=true package \
 && target/liberty/wlp/bin/server package predictionServer --include=minify --archive=/build/wlp.tar \
 && mkdir -p /out/server && tar -C /out -xf /build/wlp.tar \
 && mv /out/wlp/usr/servers/predictionServer/lib /out/lib \
 && rm -rf /out/wlp/usr/servers/predictionServer/workarea /out/wlp/usr/servers/predictionServer/apps \
 && mv /out/wlp/usr/servers/predictionServer/* /out/server/ \
 && rm -rf /out/wlp/usr/servers \
 && cp target/prediction-service.war /out/ \
 && mkdir -p /out/server/sbom && cp target/prediction-service.cdx.json target/prediction-service.cdx.xml /out/server/sbom/ \
 && chmod -R a+rX,go-w /out
# The strings the server interns once every endpoint has run (~60,000), for the runtime stage's CDS archive: the built
# server is started here on loopback, sent a few hundred requests, and its string table written out (about a minute).
COPY scripts/interned-strings.sh scripts/
COPY .ci/tools/liberty-server.sh .ci/tools/
COPY .ci/lib/time-scale.sh .ci/lib/
RUN scripts/interned-strings.sh /out/interned-strings.txt

# ---------------------------------------------------------------------------------------------------------------------
FROM debian:trixie-20260406-slim AS runtime
# The JRE of the tests (OpenJDK 25, HotSpot; Debian's build) and curl for the health check and runbook commands. The user
# (uid/gid 1001, as the Deployment's securityContext) owns nothing in the image: every file is root's and read-only to it.
# hadolint ignore=DL3008 (versions come from the pinned suite)
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-25-jre-headless curl \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb \
 && ln -s "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" /usr/lib/jvm/java-25 \
 && groupadd --gid 1001 liberty \
 && useradd --uid 1001 --gid 1001 --home-dir /tmp --no-create-home --shell /usr/sbin/nologin liberty \
 && mkdir -p /opt/ol/wlp/output /logs /var/spool/prediction-log \
 && chown 1001:1001 /opt/ol/wlp/output /logs /var/spool/prediction-log

# Console logs as one JSON object per line (for the log collector): messages (with the request id), trace, ffdc and
# audit. The access log stays in its rotated file (logs/http_access.log on the output volume) and off the console:
# Liberty formats and prints each JSON access event synchronously on the request's thread, which cost 9 points of the
# server's CPU at 64 connections (bench/README.md, "The access log on the JSON console"), and the prediction log
# already keeps one row per call with its request id, version and latency. Add accessLog to
# WLP_LOGGING_CONSOLE_SOURCE to have it on the console too. HTTP_HOST=* because in a container the server must listen
# beyond loopback. Output, logs and the JavaCPP cache on the mounted volumes.
# No secret is set here: KEYSTORE_PASSWORD, DB_PASSWORD and the JWT key come from the orchestrator at run time.
# JAVA_HOME set: Liberty's `server` script otherwise derives it from `java` and drops it when it has no include/ (a
# JRE has none), and then leaves out the --add-opens of lib/platform/java/java9.options (CDI fails to start the app).
ENV JAVA_HOME=/usr/lib/jvm/java-25 \
    WLP_OUTPUT_DIR=/opt/ol/wlp/output \
    LOG_DIR=/logs \
    WLP_LOGGING_CONSOLE_FORMAT=JSON \
    WLP_LOGGING_CONSOLE_LOGLEVEL=info \
    WLP_LOGGING_CONSOLE_SOURCE=message,trace,ffdc,audit \
    WLP_LOGGING_MESSAGE_FORMAT=JSON \
    HTTP_HOST=* \
    JVM_ARGS="-Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp-cache"

# Least often changed first: the minified Liberty runtime, the shared library (DL4J, ND4J natives, JDBC drivers), the
# server configuration, and the WAR last, so a code change rebuilds only that small layer. Its context root (/) comes
# from ibm-web-ext.xml.
COPY --from=build /out/wlp/ /opt/ol/wlp/
COPY --from=build /out/lib/ /opt/ol/wlp/usr/servers/predictionServer/lib/
COPY --from=build /out/server/ /opt/ol/wlp/usr/servers/predictionServer/
# The JRE's default CDS archive for compact object headers (lib/server/classes_coh.jsa, which the JVM maps with
# jvm.options' -XX:+UseCompactObjectHeaders), dumped again by this very JRE with the server's interned strings in its
# shared string table. Every young collection walks the JVM's string table, and archived strings are not in it: on
# JDK 25 a young pause is ~1.1 instead of ~2 ms (bench/README.md, "The interned strings in the CDS archive"). Strings
# the list lacks only stay in the walked table. No flag needed at run time: the JVM picks its default archive itself.
# The list is mounted from the build stage, not copied: it stays out of the image's layers.
RUN --mount=type=bind,from=build,source=/out/interned-strings.txt,target=/tmp/interned-strings.txt \
    java -Xshare:dump -XX:+UseCompactObjectHeaders -XX:SharedArchiveConfigFile=/tmp/interned-strings.txt >/dev/null
COPY --from=build /out/prediction-service.war /opt/ol/wlp/usr/servers/predictionServer/dropins/

# Labels last: CREATED and REVISION change on every build and would otherwise rebuild every layer after them.
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="prediction-service" \
      org.opencontainers.image.description="A Deeplearning4j model served over REST on Open Liberty with MicroProfile" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.vendor="prediction-service team" \
      org.opencontainers.image.base.name="docker.io/library/debian:trixie-20260406-slim"

EXPOSE 9080 9443
USER 1001:1001
# Readiness (model active, not draining) over whichever port is on: HTTPS when HTTP_PORT=-1 (production overlay).
# Kubernetes ignores this and probes /health/started, /health/live and /health/ready itself (kubernetes/base).
# 12 retries instead of --start-period (which dockerfilelint 1.8 rejects): start-up (30-90 s) never counts as unhealthy.
HEALTHCHECK --interval=10s --timeout=5s --retries=12 \
  CMD ["sh", "-c", "if [ \"${HTTP_PORT:-9080}\" = -1 ]; then u=https://127.0.0.1:${HTTPS_PORT:-9443}; else u=http://127.0.0.1:${HTTP_PORT:-9080}; fi; curl -fsk -o /dev/null -m 4 \"$u/health/ready\""]
# Exec form, and `server run` execs the JVM: SIGTERM reaches the application, which drains (readiness DOWN) before
# Liberty quiesces.
CMD ["/opt/ol/wlp/bin/server", "run", "predictionServer"]
