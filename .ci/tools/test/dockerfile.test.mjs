// The Dockerfile points of issues 6 and 12, checked on the file itself (the image is built and run by
// .ci/checks/50-container.sh; the linter, dockerfilelint in .ci/checks/10-dockerfile.sh, knows nothing about Liberty,
// layer order or secrets).
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
  test("multi-stage: both stages from the same pinned Debian image (the tests' distribution), named AS build / runtime", () => {
    assert.ok(stages.length >= 2);
    assert.match(stages[0].from, /^debian:trixie-\d{8}-slim AS build$/);
    assert.match(runtime.from, /^debian:trixie-\d{8}-slim AS runtime$/);
    assert.equal(stages[0].from.split(" ")[0], runtime.from.split(" ")[0], "one base: one stand-in in CI");
    for (const s of stages) assert.doesNotMatch(s.from, /:latest\b|^[^:]+$/);
  });

  test("the runtime is the one the Maven build assembled, minified; the JVM is Debian's OpenJDK 25 (HotSpot)", () => {
    const build = stages[0].body.filter((i) => i.op === "RUN").map((i) => i.args).join(" ");
    assert.match(build, /openjdk-25-jdk-headless/);
    assert.match(build, /mvnw .*package/);
    assert.match(build, /server package predictionServer --include=minify/);
    const run = runtime.body.filter((i) => i.op === "RUN").map((i) => i.args).join(" ");
    assert.match(run, /openjdk-25-jre-headless/);
    assert.doesNotMatch(text, /features\.sh|openj9|kernel-slim/i);
    const config = stages[0].body.findIndex((i) => i.op === "COPY" && /^config\/ /.test(i.args));
    assert.ok(config >= 0, "config/ (Checkstyle rules) copied into the build stage");
  });

  test("the JRE's default CDS archive is dumped again, by the runtime's JRE, with the strings the built server interned", () => {
    const build = stages[0].body.filter((i) => i.op === "RUN").map((i) => i.args).join(" ");
    assert.match(build, /scripts\/interned-strings\.sh \/out\/interned-strings\.txt/);
    const dump = index((i) => i.op === "RUN" && /-Xshare:dump/.test(i.args));
    const jre = index((i) => i.op === "RUN" && /openjdk-25-jre-headless/.test(i.args));
    assert.ok(dump > jre && jre >= 0, "dumped after the JRE is installed, by that JRE");
    const args = runtime.body[dump].args;
    assert.match(args, /-XX:SharedArchiveConfigFile=\S*interned-strings\.txt/);
    assert.doesNotMatch(args, /-XX:SharedArchiveFile=/, "the default archive, which the JVM maps without a flag");
    // The archive maps only with the header layout it was dumped with: jvm.options' compact object headers.
    const options = readFileSync(resolve(repoRoot, "liberty/config/jvm.options"), "utf8");
    assert.equal(/^-XX:\+UseCompactObjectHeaders$/m.test(options), /-XX:\+UseCompactObjectHeaders/.test(args));
  });

  test("runtime, then the shared library (DL4J, JDBC drivers), then config, and the WAR is the last COPY", () => {
    const copies = runtime.body.filter((i) => i.op === "COPY");
    const at = (re) => copies.findIndex((i) => re.test(i.args));
    const wlp = at(/--from=build \/out\/wlp\/ /);
    const lib = at(/--from=build \/out\/lib\/ .*\/lib\/$/);
    const war = at(/\.war /);
    assert.ok(wlp >= 0 && lib > wlp, "runtime before lib");
    assert.equal(war, copies.length - 1, "WAR is the last COPY");
  });

  test("OCI labels", () => {
    const labels = runtime.body.filter((i) => i.op === "LABEL").map((i) => i.args).join(" ");
    for (const key of ["title", "description", "version", "revision", "created", "licenses", "base.name"]) {
      assert.match(labels, new RegExp(`org\\.opencontainers\\.image\\.${key.replace(".", "\\.")}=`), key);
    }
  });

  test("runs as uid/gid 1001, which owns nothing but the volume mount points", () => {
    const users = runtime.body.filter((i) => i.op === "USER");
    assert.equal(users.at(-1).args, "1001:1001");
    for (const c of runtime.body.filter((i) => i.op === "COPY")) assert.doesNotMatch(c.args, /--chown/);
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

  test("HEALTHCHECK on /health/ready, over HTTPS when plain HTTP is off", () => {
    const hc = runtime.body.filter((i) => i.op === "HEALTHCHECK");
    assert.equal(hc.length, 1);
    assert.match(hc[0].args, /CMD \[.*\/health\/ready/);
    assert.match(hc[0].args, /HTTP_PORT.*-1.*https:/);
  });
});
