// Compares the metric names of the Grafana dashboard and the alert rules with what a live server exports.
// Usage: node check-metric-names.mjs METRICS_TEXT_FILE     (written by .ci/checks/30-prometheus-rules.sh)
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { repoRoot } from "./lib/manifests.mjs";
import { dashboardExpressions, exportedNames, metricNames } from "./lib/promql.mjs";

// Metrics a dashboard or alert may use before the server exports them (a later issue adds them); each is skipped here
// until then. Empty: everything used is exported today.
export const ANNOUNCED = new Set([]);
// Not the server's: Prometheus' own scrape health, kube-state-metrics and cAdvisor (alert rules only).
const PLATFORM = (name) => name === "up" || /^(kube_|container_)/.test(name);

const exported = exportedNames(readFileSync(process.argv[2], "utf8"));
const dashboard = JSON.parse(readFileSync(resolve(repoRoot, "kubernetes/monitoring/grafana-dashboard.json"), "utf8"));
const rules = parse(readFileSync(resolve(repoRoot, "kubernetes/monitoring/prometheus-rules.yaml"), "utf8"));

// Recording rules' outputs (prediction_service:...) are made by Prometheus from the rules' own inputs, which are
// checked here like every other expression.
const recorded = new Set(rules.groups.flatMap((g) => g.rules.filter((r) => r.record).map((r) => r.record)));
const used = [
  ...dashboardExpressions(dashboard).map(({ panel, expr }) => ({ where: `dashboard "${panel}"`, expr })),
  ...rules.groups.flatMap((g) => g.rules.map((r) => ({ where: r.alert ? `alert ${r.alert}` : `rule ${r.record}`, expr: r.expr }))),
];
let missing = 0;
const checked = new Set();
for (const { where, expr } of used) {
  for (const name of metricNames(expr)) {
    if (PLATFORM(name) || ANNOUNCED.has(name) || recorded.has(name)) continue;
    checked.add(name);
    if (!exported.has(name)) {
      console.error(`FAIL ${where}: ${name} is not in the server's /metrics`);
      missing++;
    }
  }
}
const stale = [...ANNOUNCED].filter((n) => exported.has(n));
if (stale.length) console.log(`note: now exported, remove from ANNOUNCED: ${stale.join(", ")}`);
console.log(`${checked.size} server metric names used by the dashboard and alerts: ${[...checked].sort().join(", ")}\n`);
if (missing) process.exit(1);
console.log("every one is exported by the live server");
