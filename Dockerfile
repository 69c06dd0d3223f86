# syntax=docker/dockerfile:1.7
# The prediction service image: build the WAR (and train the default model) with Maven, then run it on the official
# Open Liberty kernel-slim image (Java 17, OpenJ9) with only the features server.xml asks for.
#
#   docker build -t prediction-service:0.1.0 --build-arg VERSION=0.1.0 --build-arg REVISION=$(git rev-parse HEAD) .
#
# Base images are pinned by version (written out, not via ARG, so linters and scanners see them); bump the Liberty one
# together with liberty.runtime.version in pom.xml.

# ---------------------------------------------------------------------------------------------------------------------
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /build
# Build files first: the dependency download is cached until pom.xml or the wrapper change.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:resolve dependency:resolve-plugins
# Then the sources. `package` compiles, trains the default model (fixed seed, reproducible) into the WAR and creates the
# Liberty server whose lib/ holds DL4J, ND4J with its natives and the JDBC drivers (copyDependencies in pom.xml).
# Tests run in CI (.ci/run), not in the image build.
COPY liberty/ liberty/
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package \
 && mkdir -p /out \
 && cp target/prediction-service.war /out/ \
 && cp -r target/liberty/wlp/usr/servers/predictionServer/lib /out/lib

# ---------------------------------------------------------------------------------------------------------------------
FROM icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim-java17-openj9-ubi AS runtime
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
      org.opencontainers.image.base.name="icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim-java17-openj9-ubi"

# Console logs as one JSON object per line (for the log collector), message + access log + ffdc.
# HTTP_HOST=* because in a container the server must listen beyond loopback. The JavaCPP cache (ND4J's natives,
# extracted at start) goes to /tmp, which Kubernetes mounts as an emptyDir: the root file system stays read-only.
# No secret is set here: KEYSTORE_PASSWORD, KEYSTORE_LOCATION and DB_PASSWORD come from the orchestrator at run time.
ENV WLP_LOGGING_CONSOLE_FORMAT=JSON \
    WLP_LOGGING_CONSOLE_LOGLEVEL=info \
    WLP_LOGGING_CONSOLE_SOURCE=message,trace,accessLog,ffdc,audit \
    WLP_LOGGING_MESSAGE_FORMAT=JSON \
    HTTP_HOST=* \
    JVM_ARGS="-Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp-cache"

# Server configuration first: features.sh installs exactly the features server.xml lists (kernel-slim has none).
COPY --chown=1001:0 liberty/config/ /config/
RUN features.sh

# The shared library (DL4J, ND4J natives, JDBC drivers): large and rarely changed, so before the WAR.
COPY --chown=1001:0 --from=build /out/lib/ /config/lib/

# The application last: a code change rebuilds only this small layer. Its context root (/) comes from ibm-web-ext.xml.
COPY --chown=1001:0 --from=build /out/prediction-service.war /config/dropins/

# Warms the server (shared class cache, feature cache) at build time so the container starts faster.
RUN configure.sh

# No HEALTHCHECK: Kubernetes probes /health/started, /health/live and /health/ready (kubernetes/base/deployment.yaml)
# and docker-compose.yml declares its own health check; a Docker HEALTHCHECK would only duplicate them.
EXPOSE 9080 9443
USER 1001
# Exec form: the Liberty JVM is PID 1's child via the image's entrypoint `exec`, so SIGTERM reaches the application,
# which drains (readiness DOWN) before Liberty quiesces.
CMD ["/opt/ol/wlp/bin/server", "run", "defaultServer"]
