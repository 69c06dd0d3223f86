// The production overlay's policy, checked on what `kubectl kustomize` renders (not on the source files), so a patch
// that silently undoes a rule fails here.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { render } from "../lib/manifests.mjs";

const MP_HEALTH = { startupProbe: "/health/started", livenessProbe: "/health/live", readinessProbe: "/health/ready" };

describe("production overlay policy", () => {
  let objects;
  let deployment;
  let pod;
  let container;
  // The object of a kind (the service's own when the overlay renders several, e.g. the admin Ingress beside it).
  const one = (kind, name = "prediction-service") => {
    const found = objects.filter((o) => o.kind === kind && o.metadata.name === name);
    assert.equal(found.length, 1, `exactly one ${kind} ${name}`);
    return found[0];
  };
  const selectsThePods = (selector) =>
    Object.entries(selector.matchLabels).every(([k, v]) => pod.metadata.labels[k] === v);

  before(() => {
    objects = render("production");
    deployment = one("Deployment");
    pod = deployment.spec.template;
    container = pod.spec.containers.find((c) => c.name === "prediction-service");
  });

  test("3 or more replicas, rolled out without losing capacity", () => {
    assert.ok(deployment.spec.replicas >= 3, `replicas ${deployment.spec.replicas}`);
    assert.equal(deployment.spec.strategy.type, "RollingUpdate");
    assert.equal(deployment.spec.strategy.rollingUpdate.maxUnavailable, 0);
    assert.equal(deployment.spec.strategy.rollingUpdate.maxSurge, 1);
  });

  test("started/live/ready probes on the MicroProfile Health paths", () => {
    for (const [probe, path] of Object.entries(MP_HEALTH)) {
      assert.ok(container[probe], `${probe} set`);
      assert.equal(container[probe].httpGet.path, path, probe);
    }
    // The start-up probe gives the model load minutes, not seconds, before liveness can restart the pod.
    const s = container.startupProbe;
    assert.ok(s.periodSeconds * s.failureThreshold >= 120, "start-up allowance >= 120 s");
  });

  test("HTTPS only: plain HTTP is off and the probes use HTTPS", () => {
    const config = one("ConfigMap", "prediction-service-config");
    assert.equal(config.data.HTTP_PORT, "-1");
    for (const probe of Object.keys(MP_HEALTH)) assert.equal(container[probe].httpGet.scheme, "HTTPS", probe);
    assert.ok(config.data.KEYSTORE_LOCATION, "keystore from a mounted secret");
    assert.ok(container.ports.every((p) => p.containerPort !== 9080), "no HTTP container port");
  });

  test("requests and limits for CPU and memory", () => {
    for (const kind of ["requests", "limits"]) {
      assert.ok(container.resources[kind]?.cpu, `${kind}.cpu`);
      assert.ok(container.resources[kind]?.memory, `${kind}.memory`);
    }
  });

  test("non-root, read-only root file system, no privilege escalation, all capabilities dropped", () => {
    assert.equal(pod.spec.securityContext.runAsNonRoot, true);
    assert.notEqual(pod.spec.securityContext.runAsUser, 0);
    const sc = container.securityContext;
    assert.equal(sc.runAsNonRoot, true);
    assert.equal(sc.readOnlyRootFilesystem, true);
    assert.equal(sc.allowPrivilegeEscalation, false);
    assert.deepEqual(sc.capabilities.drop, ["ALL"]);
    // Every writable path is a volume, since the root file system is not.
    const mounts = container.volumeMounts.map((m) => m.mountPath);
    for (const path of ["/tmp", "/opt/ol/wlp/output", "/logs"]) assert.ok(mounts.includes(path), path);
  });

  test("graceful stop: a preStop hook and a grace period longer than drain plus Liberty's quiesce", () => {
    assert.ok(container.lifecycle?.preStop, "preStop hook");
    const drain = Number(one("ConfigMap", "prediction-service-config").data.SHUTDOWN_DRAIN_SECONDS);
    const preStop = 5;
    const libertyQuiesce = 30;
    assert.ok(pod.spec.terminationGracePeriodSeconds > preStop + drain + libertyQuiesce);
  });

  test("secrets come from Secret references, and no Secret is shipped", () => {
    assert.equal(objects.filter((o) => o.kind === "Secret").length, 0);
    for (const name of ["DB_PASSWORD", "KEYSTORE_PASSWORD"]) {
      const env = container.env.find((e) => e.name === name);
      assert.ok(env?.valueFrom?.secretKeyRef, `${name} from a secretKeyRef`);
      assert.equal(env.value, undefined);
    }
  });

  test("the image is pinned, never latest", () => {
    assert.match(container.image, /:[\w.-]+$|@sha256:/);
    assert.doesNotMatch(container.image, /:latest$/);
  });

  test("PodDisruptionBudget covers the pods", () => {
    const pdb = one("PodDisruptionBudget");
    assert.ok(selectsThePods(pdb.spec.selector));
    assert.ok(pdb.spec.maxUnavailable !== undefined || pdb.spec.minAvailable !== undefined);
  });

  test("HorizontalPodAutoscaler keeps at least 3 replicas of this Deployment", () => {
    const hpa = one("HorizontalPodAutoscaler");
    assert.equal(hpa.spec.scaleTargetRef.kind, "Deployment");
    assert.equal(hpa.spec.scaleTargetRef.name, deployment.metadata.name);
    assert.ok(hpa.spec.minReplicas >= 3);
    assert.ok(hpa.spec.maxReplicas > hpa.spec.minReplicas);
  });

  test("NetworkPolicy restricts both directions for the pods", () => {
    const policy = one("NetworkPolicy");
    assert.ok(selectsThePods(policy.spec.podSelector));
    assert.deepEqual([...policy.spec.policyTypes].sort(), ["Egress", "Ingress"]);
    const egressPorts = policy.spec.egress.flatMap((rule) => rule.ports.map((p) => p.port));
    assert.deepEqual([...new Set(egressPorts)].sort(), [53, 5432]);
  });

  test("admin tokens: verification key from a mounted Secret, issuer and audience from a ConfigMap", () => {
    const jwt = one("ConfigMap", "prediction-service-admin-jwt");
    assert.ok(container.envFrom.some((e) => e.configMapRef?.name === jwt.metadata.name), "envFrom the admin ConfigMap");
    assert.ok(jwt.data.MP_JWT_VERIFY_ISSUER, "issuer");
    assert.ok(jwt.data.MP_JWT_VERIFY_AUDIENCES, "audience");
    assert.ok(Number(jwt.data.MP_JWT_VERIFY_CLOCK_SKEW) <= 120, "clock skew bounded");
    const keyFile = jwt.data.MP_JWT_VERIFY_PUBLICKEY_LOCATION;
    const mount = container.volumeMounts.find((m) => keyFile.startsWith(m.mountPath + "/"));
    assert.ok(mount, `a volume mounted at ${keyFile}`);
    const volume = pod.spec.volumes.find((v) => v.name === mount.name);
    assert.equal(volume.secret?.secretName, "prediction-service-admin-jwt");
    assert.ok(volume.secret.items.some((i) => `${mount.mountPath}/${i.path}` === keyFile), "the key file is an item");
  });

  test("the admin APIs have their own Ingress host, /models and /v2/repository only, HTTPS to the pods, TLS", () => {
    const admin = one("Ingress", "prediction-service-admin");
    const publicHosts = one("Ingress").spec.rules.map((r) => r.host);
    const paths = admin.spec.rules.flatMap((r) => r.http.paths);
    assert.deepEqual(paths.map((p) => p.path), ["/models", "/v2/repository"]);
    assert.ok(admin.spec.rules.every((r) => !publicHosts.includes(r.host)), "a host apart from the public one");
    assert.ok(admin.spec.tls.some((t) => t.hosts.includes(admin.spec.rules[0].host)), "TLS for the admin host");
    assert.equal(admin.metadata.annotations["nginx.ingress.kubernetes.io/backend-protocol"], "HTTPS");
    assert.ok(paths.every((p) => p.backend.service.name === one("Service").metadata.name));
    assert.ok(paths.every((p) => p.backend.service.port.name === "https"));
    const publicPaths = one("Ingress").spec.rules.flatMap((r) => r.http.paths.map((p) => p.path));
    assert.ok(!publicPaths.some((p) => p.startsWith("/models")), "the public Ingress does not route /models");
    // The public Ingress routes /v2 itself exactly and only the prefixes below it that are not admin.
    const publicV2 = one("Ingress").spec.rules.flatMap((r) => r.http.paths).filter((p) => p.path.startsWith("/v2"));
    assert.ok(publicV2.every((p) => p.pathType === "Exact" || !"/v2/repository".startsWith(p.path)),
      "the public Ingress does not route /v2/repository");
  });

  test("the NetworkPolicy admits the admin route's port from the ingress controller and the scraper only", () => {
    const policy = one("NetworkPolicy");
    const app = (peer) => peer.podSelector?.matchLabels?.["app.kubernetes.io/name"];
    const peers = policy.spec.ingress.flatMap((rule) => rule.from.map(app));
    // NetworkPolicy is L4: it cannot tell /models from /metrics on one port, so the scraper stays (it has no token).
    assert.deepEqual(peers.sort(), ["ingress-nginx", "prometheus"]);
    const fromController = policy.spec.ingress.find((rule) => rule.from.some((peer) => app(peer) === "ingress-nginx"));
    assert.ok(fromController.ports.some((p) => p.port === "https"), "the controller reaches the admin backend port");
    assert.ok(policy.spec.ingress.every((rule) => rule.from.every((peer) => peer.namespaceSelector && peer.podSelector)),
      "every peer is a named pod in a named namespace, never a whole namespace or the world");
  });

  test("Ingress terminates TLS with a cert-manager issuer and exposes no metrics or health", () => {
    const ingress = one("Ingress");
    assert.ok(ingress.metadata.annotations["cert-manager.io/cluster-issuer"]);
    assert.ok(ingress.spec.tls.length > 0);
    const paths = ingress.spec.rules.flatMap((r) => r.http.paths.map((p) => p.path));
    assert.ok(!paths.some((p) => p === "/" || p.startsWith("/metrics") || p.startsWith("/health")), paths.join());
  });

  test("the prediction-log spool has its own volume, sized above the spool's configured maximum", () => {
    const config = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === "prediction-service-config").data;
    const mount = container.volumeMounts.find((m) => m.mountPath === config.PREDICTION_LOG_SPOOL_DIR);
    assert.ok(mount, `a volume mounted at PREDICTION_LOG_SPOOL_DIR (${config.PREDICTION_LOG_SPOOL_DIR})`);
    const volume = pod.spec.volumes.find((v) => v.name === mount.name);
    const size = /^(\d+)(Mi|Gi)$/.exec(volume.emptyDir?.sizeLimit ?? "");
    if (volume.emptyDir) {
      assert.ok(size, `sizeLimit ${volume.emptyDir.sizeLimit}`);
      const bytes = Number(size[1]) * (size[2] === "Gi" ? 1024 ** 3 : 1024 ** 2);
      assert.ok(bytes > Number(config.PREDICTION_LOG_SPOOL_MAX_BYTES) * 1.1,
        `${volume.emptyDir.sizeLimit} leaves room above PREDICTION_LOG_SPOOL_MAX_BYTES ${config.PREDICTION_LOG_SPOOL_MAX_BYTES}`);
    }
  });
});
