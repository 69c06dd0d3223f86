// The Prometheus Operator's PrometheusRule made from the plain rule file, so the two cannot drift: the groups are
// copied as they are, only wrapped in the custom resource.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse, stringify } from "yaml";
import { repoRoot } from "./manifests.mjs";

export const rulesFile = resolve(repoRoot, "kubernetes/monitoring/prometheus-rules.yaml");
export const ruleResourceFile = resolve(repoRoot, "kubernetes/monitoring/operator/prometheus-rule.yaml");

const HEADER = `# GENERATED from ../prometheus-rules.yaml by \`node .ci/tools/prometheus-rule.mjs --write\`: edit that file, not this
# one (CI fails when they differ). The Prometheus Operator loads PrometheusRules whose labels match its ruleSelector:
# kube-prometheus-stack selects release=<its Helm release> unless ruleSelectorNilUsesHelmValues=false; add that label
# in your own kustomization if needed.
`;

/** The PrometheusRule text for the rule file's text. */
export function prometheusRule(rulesText) {
  const { groups } = parse(rulesText);
  const resource = {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "PrometheusRule",
    metadata: {
      name: "prediction-service",
      labels: { "app.kubernetes.io/name": "prediction-service", "app.kubernetes.io/component": "monitoring" },
    },
    spec: { groups },
  };
  return HEADER + stringify(resource, { lineWidth: 0 });
}

export function expectedRuleResource() {
  return prometheusRule(readFileSync(rulesFile, "utf8"));
}
