// Writes (--write) or checks (--check, the default) kubernetes/monitoring/operator/prometheus-rule.yaml against the
// plain rule file kubernetes/monitoring/prometheus-rules.yaml. Exit code 1 when they differ.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { parse } from "yaml";
import { repoRoot } from "./lib/manifests.mjs";
import { expectedRuleResource, ruleResourceFile, rulesFile } from "./lib/prometheus-rule.mjs";

const expected = expectedRuleResource();
const where = relative(repoRoot, ruleResourceFile);
if (process.argv.includes("--write")) {
  writeFileSync(ruleResourceFile, expected);
  console.log(`wrote ${where}`);
} else {
  const actual = existsSync(ruleResourceFile) ? readFileSync(ruleResourceFile, "utf8") : "";
  if (actual !== expected) {
    console.error(`FAIL ${where} is not what ${relative(repoRoot, rulesFile)} makes: run node .ci/tools/prometheus-rule.mjs --write`);
    process.exit(1);
  }
  const rules = parse(actual).spec.groups.flatMap((g) => g.rules);
  console.log(`${where} matches the rule file (${rules.filter((r) => r.alert).length} alerts, ${rules.filter((r) => r.record).length} recording rules)`);
}
