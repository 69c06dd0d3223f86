// Asks a Prometheus that scrapes a live server with the rule file (.ci/checks/30-prometheus-rules.sh) whether the
// scrape and the rules work on real series. Usage: node check-prometheus.mjs http://127.0.0.1:PORT
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { repoRoot } from "./lib/manifests.mjs";

const base = process.argv[2];
const api = async (path) => {
  const body = await (await fetch(`${base}/api/v1/${path}`)).json();
  if (body.status !== "success") throw new Error(`${path}: ${JSON.stringify(body)}`);
  return body.data;
};
const query = (q) => api(`query?query=${encodeURIComponent(q)}`).then((d) => d.result);
const problems = [];
const expect = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) problems.push(what);
};

const [target] = (await api("targets")).activeTargets;
expect(target?.health === "up" && target.scrapeUrl.startsWith("https://"),
  `HTTPS scrape verified with the CA and serverName: ${target?.scrapeUrl} ${target?.health} ${target?.lastError ?? ""}`);

const file = parse(readFileSync(resolve(repoRoot, "kubernetes/monitoring/prometheus-rules.yaml"), "utf8"));
const rules = (await api("rules")).groups.flatMap((g) => g.rules);
const count = file.groups.reduce((n, g) => n + g.rules.length, 0);
const failing = rules.filter((r) => r.health !== "ok").map((r) => `${r.name}: ${r.lastError}`);
expect(rules.length === count && failing.length === 0, `${rules.length}/${count} rules loaded, evaluating without error ${failing.join("; ")}`);

for (const sli of ["prediction_service:sli_errors:ratio_rate5m", "prediction_service:sli_slow:ratio_rate5m"]) {
  const [sample] = await query(sli);
  const value = sample ? Number(sample.value[1]) : NaN;
  expect(value >= 0 && value <= 1, `${sli} = ${sample?.value[1]} on the live series`);
}
// The SLIs must count every scoring route the server has and nothing else (a renamed route would silently leave them).
const sliRoutes = new RegExp(`^(?:${file.groups[0].rules[0].expr.match(/http_route=~"([^"]+)"/)[1]})$`);
const routes = (await query("group by (http_route) (http_server_request_duration_seconds_count)")).map((r) => r.metric.http_route);
const scoring = ["/api/v1/predictions", "/predict", "/predict/batch", "/v2/models/{model}/infer"];
expect(JSON.stringify(routes.filter((r) => sliRoutes.test(r)).sort()) === JSON.stringify(scoring),
  `the SLIs count exactly the scoring routes: ${routes.filter((r) => sliRoutes.test(r)).sort().join(" ")} of ${routes.sort().join(" ")}`);

const alerts = await query("ALERTS");
const pending = alerts.filter((a) => a.metric.alertstate === "pending").map((a) => a.metric.alertname);
const firing = alerts.filter((a) => a.metric.alertstate === "firing").map((a) => a.metric.alertname);
expect(pending.includes("PredictionServiceCertificateExpiring"),
  `the 10-day certificate makes PredictionServiceCertificateExpiring pending (pending: ${pending.join(", ") || "none"})`);
expect(firing.length === 0, `no alert fires on a healthy server (firing: ${firing.join(", ") || "none"})`);
if (problems.length) process.exit(1);
