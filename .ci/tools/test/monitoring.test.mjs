// What every alert must come with (issue 13): a promtool case that fires it and one that keeps it quiet, a runbook
// section, a dashboard panel; the Prometheus Operator objects match the plain rule file and the production TLS.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { render, repoRoot, validate } from "../lib/manifests.mjs";
import { expectedRuleResource, prometheusRule, ruleResourceFile, rulesFile } from "../lib/prometheus-rule.mjs";

const read = (path) => readFileSync(resolve(repoRoot, path), "utf8");
const rules = parse(readFileSync(rulesFile, "utf8"));
const alerts = rules.groups.flatMap((g) => g.rules).filter((r) => r.alert);
const testFiles = ["prometheus-rules.test.yaml", "prometheus-rules.long.test.yaml"];
const groups = testFiles.flatMap((f) => parse(read(`kubernetes/monitoring/${f}`)).tests);

/** Which alerts each promtool test group expects to fire at some time, and which it expects quiet at some time. */
function coverage(testGroups) {
  const fires = new Set();
  const quiet = new Set();
  for (const group of testGroups) {
    const firing = new Set(group.alert_rule_test.filter((t) => t.exp_alerts.length).map((t) => t.alertname));
    firing.forEach((a) => fires.add(a));
    // A quiet case counts only in a group where the alert never fires: "not yet" (a pending `for`) is not quiet.
    group.alert_rule_test.filter((t) => !t.exp_alerts.length && !firing.has(t.alertname))
      .forEach((t) => quiet.add(t.alertname));
  }
  return { fires, quiet };
}

test("every alert has a promtool case that fires it and one that keeps it quiet", () => {
  const { fires, quiet } = coverage(groups);
  assert.ok(alerts.length >= 17, `${alerts.length} alerts`);
  assert.deepEqual(alerts.map((a) => a.alert).filter((a) => !fires.has(a)), [], "alerts without a firing case");
  assert.deepEqual(alerts.map((a) => a.alert).filter((a) => !quiet.has(a)), [], "alerts without a quiet case");
});

test("a pending alert checked in its firing group does not count as a quiet case", () => {
  const group = { alert_rule_test: [
    { alertname: "X", eval_time: "1m", exp_alerts: [] }, { alertname: "X", eval_time: "9m", exp_alerts: [{}] }] };
  const { fires, quiet } = coverage([group]);
  assert.ok(fires.has("X"));
  assert.ok(!quiet.has("X"));
});

test("every alert links a runbook section of docs/OPERATIONS.md", () => {
  const slug = (heading) => heading.toLowerCase().replace(/[^\w\s-]/g, "").trim().replace(/\s/g, "-");
  const anchors = new Set(read("docs/OPERATIONS.md").split("\n").filter((l) => /^#{2,4} /.test(l))
    .map((l) => slug(l.replace(/^#+ /, ""))));
  for (const { alert, annotations } of alerts) {
    const [file, anchor] = annotations.runbook_url.split("#");
    assert.equal(file, "docs/OPERATIONS.md", alert);
    assert.ok(anchors.has(anchor), `${alert}: no section #${anchor}`);
    assert.ok(read("docs/OPERATIONS.md").includes(`\`${alert}\``), `${alert} is not named in its runbook`);
  }
});

test("every alert has a dashboard panel that names it and has a query", () => {
  const panels = JSON.parse(read("kubernetes/monitoring/grafana-dashboard.json")).panels;
  for (const { alert } of alerts) {
    const panel = panels.find((p) => new RegExp(`\\b${alert}\\b`).test(p.description ?? ""));
    assert.ok(panel, `${alert}: no panel names it in its description`);
    assert.ok(panel.targets?.some((t) => t.expr), `${alert}: panel "${panel.title}" has no query`);
  }
});

test("the PrometheusRule is the plain rule file, and a changed rule file would change it", () => {
  assert.equal(readFileSync(ruleResourceFile, "utf8"), expectedRuleResource(), "run node .ci/tools/prometheus-rule.mjs --write");
  const resource = parse(readFileSync(ruleResourceFile, "utf8"));
  assert.deepEqual(resource.spec.groups, rules.groups);
  const changed = readFileSync(rulesFile, "utf8").replace("for: 15m", "for: 16m");
  assert.notEqual(prometheusRule(changed), expectedRuleResource());
});

test("the operator objects validate against the CRD schemas, and a broken rule does not", async () => {
  const objects = render("monitoring/operator", "monitoring/operator");
  assert.deepEqual(objects.map((o) => o.kind).sort(), ["PodMonitor", "PrometheusRule"]);
  assert.deepEqual((await Promise.all(objects.map(validate))).flat(), []);
  const broken = structuredClone(objects.find((o) => o.kind === "PrometheusRule"));
  broken.spec.groups[1].rules[0].for = "two minutes";
  delete broken.spec.groups[1].rules[1].expr;
  assert.equal((await validate(broken)).length, 1);
  assert.match((await validate(broken))[0], /for must match pattern.*|must have required property expr/s);
});

test("the PodMonitor scrapes HTTPS with the production certificate's CA and name, as job prediction-service", () => {
  const monitor = render("monitoring/operator", "monitoring/operator").find((o) => o.kind === "PodMonitor");
  const production = render("production");
  const certificate = production.find((o) => o.kind === "Certificate");
  const deployment = production.find((o) => o.kind === "Deployment");
  const [endpoint] = monitor.spec.podMetricsEndpoints;
  assert.equal(endpoint.scheme, "https");
  assert.equal(endpoint.path, "/metrics");
  assert.ok(deployment.spec.template.spec.containers[0].ports.some((p) => p.name === endpoint.port), "port name");
  assert.equal(endpoint.tlsConfig.ca.secret.name, certificate.spec.secretName);
  assert.equal(endpoint.tlsConfig.ca.secret.key, "ca.crt");
  assert.ok(certificate.spec.dnsNames.includes(endpoint.tlsConfig.serverName), "serverName is in the certificate");
  assert.equal(monitor.metadata.namespace, deployment.metadata.namespace, "beside the pods and their Secret");
  const labels = deployment.spec.template.metadata.labels;
  assert.deepEqual(Object.entries(monitor.spec.selector.matchLabels).filter(([k, v]) => labels[k] !== v), []);
  assert.equal(labels[monitor.spec.jobLabel], "prediction-service", "the job the rules and dashboard select");
});
