import assert from "node:assert/strict";
import { test } from "node:test";
import { dashboardExpressions, exportedNames, metricNames } from "../lib/promql.mjs";

test("metric names of an expression, without functions, labels, strings or variables", () => {
  const expr = 'histogram_quantile(0.95, sum by (le) (rate(inference_seconds_bucket{job=~"$job",x="a{b}"}[5m])))'
    + ' / on (pod) max(kube_pod_container_resource_limits{resource="memory"}) or vector(0)';
  assert.deepEqual(metricNames(expr).sort(), ["inference_seconds_bucket", "kube_pod_container_resource_limits"]);
  assert.deepEqual(metricNames("sum(up) == 0 or absent(up{job=\"p\"})"), ["up"]);
});

test("exported names of a Prometheus text exposition", () => {
  const text = '# HELP predictions_total x\n# TYPE predictions_total counter\n'
    + 'predictions_total{endpoint="single",mp_scope="application",} 1.0\njvm_uptime_seconds 3.0\n';
  assert.deepEqual([...exportedNames(text)].sort(), ["jvm_uptime_seconds", "predictions_total"]);
});

test("expressions of nested dashboard panels", () => {
  const d = { panels: [{ title: "a", targets: [{ expr: "x" }] }, { title: "row", panels: [{ title: "b", targets: [{ expr: "y" }] }] }] };
  assert.deepEqual(dashboardExpressions(d).map((e) => e.expr), ["x", "y"]);
});
