// The Dockerfile points of issue 6, checked on the file itself: no Docker engine runs here, and the linter that does
// (dockerfilelint, .ci/checks/10-dockerfile.sh) knows nothing about Liberty, layer order or secrets.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, test } from "node:test";
import { repoRoot } from "../lib/manifests.mjs";

const text = readFileSync(resolve(repoRoot, "Dockerfile"), "utf8");
// Instructions with continuation lines joined, comments dropped.
const instructions = text
  .replace(/\\\n/g, " ")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"))
  .map((l) => ({ op: l.split(/\s+/)[0].toUpperCase(), args: l.slice(l.split(/\s+/)[0].length).trim() }));
const stages = [];
for (const i of instructions) {
  if (i.op === "FROM") stages.push({ from: i.args, body: [] });
  else stages.at(-1)?.body.push(i);
}
const runtime = stages.at(-1);
const index = (pred) => runtime.body.findIndex(pred);

describe("Dockerfile", () => {
  test("multi-stage: a Maven build stage, then the official Open Liberty kernel-slim Java 17 image, both pinned", () => {
    assert.ok(stages.length >= 2);
    assert.match(stages[0].from, /^maven:\d[\w.-]*-17\b.* AS build$/i);
    assert.match(runtime.from, /^icr\.io\/appcafe\/open-liberty:\d+\.\d+\.\d+\.\d+-kernel-slim-java17-/);
    for (const s of stages) assert.doesNotMatch(s.from, /:latest\b|^[^:]+$/);
  });

  test("features installed from server.xml: config copied, then features.sh", () => {
    const config = index((i) => i.op === "COPY" && /liberty\/config\/? \/config\//.test(i.args));
    const features = index((i) => i.op === "RUN" && /\bfeatures\.sh\b/.test(i.args));
    assert.ok(config >= 0 && features > config);
  });

  test("the shared library (DL4J, JDBC drivers) before the WAR, and the WAR is the last COPY", () => {
    const copies = runtime.body.filter((i) => i.op === "COPY");
    const lib = copies.findIndex((i) => /--from=build .*lib\/? \/config\/lib\//.test(i.args));
    const war = copies.findIndex((i) => /\.war /.test(i.args));
    assert.ok(lib >= 0, "lib copied from the build stage");
    assert.equal(war, copies.length - 1, "WAR is the last COPY");
    assert.ok(lib < war);
  });

  test("OCI labels", () => {
    const labels = runtime.body.filter((i) => i.op === "LABEL").map((i) => i.args).join(" ");
    for (const key of ["title", "description", "version", "revision", "created", "licenses", "base.name"]) {
      assert.match(labels, new RegExp(`org\\.opencontainers\\.image\\.${key.replace(".", "\\.")}=`), key);
    }
  });

  test("runs as a non-root user", () => {
    const users = runtime.body.filter((i) => i.op === "USER");
    assert.ok(users.length > 0);
    assert.doesNotMatch(users.at(-1).args, /^(0|root)(:|$)/);
    for (const c of runtime.body.filter((i) => i.op === "COPY")) assert.match(c.args, /--chown=1001:0/);
  });

  test("no secrets in any layer", () => {
    for (const s of stages) {
      for (const i of s.body.filter((x) => x.op === "ENV" || x.op === "ARG")) {
        assert.doesNotMatch(i.args, /(PASSWORD|SECRET|TOKEN|PRIVATE_KEY|API_KEY)\w*\s*=/i, i.args);
      }
      for (const c of s.body.filter((x) => x.op === "COPY" || x.op === "ADD")) {
        assert.doesNotMatch(c.args, /secrets\/|\.env\b|\.p12|\.jks|\.pem|\.key\b/, c.args);
      }
    }
    const ignore = readFileSync(resolve(repoRoot, ".dockerignore"), "utf8").split("\n");
    for (const entry of [".git", "target/", "secrets/", ".env", "*.p12"]) assert.ok(ignore.includes(entry), entry);
  });

  test("exec form for the command, so SIGTERM reaches the JVM", () => {
    for (const i of runtime.body.filter((x) => x.op === "CMD" || x.op === "ENTRYPOINT")) {
      assert.match(i.args, /^\[.*\]$/, `${i.op} ${i.args}`);
    }
    assert.ok(runtime.body.some((i) => i.op === "CMD"));
  });

  test("JSON console logging on, JavaCPP cache on a writable mount, not the read-only root", () => {
    const env = runtime.body.filter((i) => i.op === "ENV").map((i) => i.args).join(" ");
    assert.match(env, /WLP_LOGGING_CONSOLE_FORMAT=JSON/);
    assert.match(env, /org\.bytedeco\.javacpp\.cachedir=\/tmp\//);
    const deployment = readFileSync(resolve(repoRoot, "kubernetes/base/deployment.yaml"), "utf8");
    assert.match(deployment, /mountPath: \/tmp\b/, "/tmp is an emptyDir in the Deployment");
  });

  test("no HEALTHCHECK: Kubernetes probes replace it, and a comment says so", () => {
    assert.ok(!runtime.body.some((i) => i.op === "HEALTHCHECK"));
    assert.match(text, /#.*No HEALTHCHECK.*Kubernetes probes/i);
  });
});
