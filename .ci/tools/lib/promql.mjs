// Metric names used by PromQL expressions and exported by a Prometheus text exposition, to compare the two.

const KEYWORDS = new Set([
  "sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values", "group",
  "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset",
  "rate", "irate", "increase", "delta", "idelta", "deriv", "histogram_quantile", "absent", "absent_over_time",
  "vector", "scalar", "time", "abs", "ceil", "floor", "round", "clamp_min", "clamp_max", "label_replace",
  "avg_over_time", "max_over_time", "min_over_time", "sum_over_time", "count_over_time", "changes", "resets",
  "inf", "nan",
]);

/** Names of the metrics an expression selects (label matchers, grouping labels, functions and strings removed). */
export function metricNames(expr) {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""') // string literals
    .replace(/\{[^}]*\}/g, " ") // label matchers
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ") // label lists
    .replace(/\[[^\]]*\]/g, " ") // range selectors
    .replace(/\$\w+/g, " "); // dashboard variables
  const names = new Set();
  for (const m of stripped.matchAll(/(?<![\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\w:])(?!\s*\()/g)) {
    if (!KEYWORDS.has(m[1].toLowerCase())) names.add(m[1]);
  }
  return [...names];
}

/** Metric names present in a Prometheus text exposition (what /metrics returns). */
export function exportedNames(text) {
  const names = new Set();
  for (const line of text.split("\n")) {
    const m = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)[{\s]/);
    if (m) names.add(m[1]);
  }
  return names;
}

/** Every PromQL expression of a Grafana dashboard (panels, nested rows). */
export function dashboardExpressions(dashboard) {
  const out = [];
  const walk = (panels) => {
    for (const p of panels ?? []) {
      for (const t of p.targets ?? []) if (t.expr) out.push({ panel: p.title, expr: t.expr });
      walk(p.panels);
    }
  };
  walk(dashboard.panels);
  return out;
}
