// Renders each overlay with `kubectl kustomize` and validates every object offline against the Kubernetes schemas.
// Exit code 1 on any problem. Usage: node .ci/tools/validate-manifests.mjs
import { overlays, render, validate } from "./lib/manifests.mjs";

let problems = 0;
for (const [overlay, dir] of [...overlays.map((o) => [o, undefined]), ["monitoring", "monitoring"], ["monitoring/operator", "monitoring/operator"]]) {
  const objects = render(overlay, dir);
  for (const object of objects) {
    const errors = await validate(object);
    errors.forEach((e) => console.error(`FAIL ${overlay}: ${e}`));
    problems += errors.length;
  }
  console.log(`${overlay}: ${objects.length} objects rendered, ${objects.map((o) => o.kind).join(", ")}`);
}
if (problems) {
  console.error(`${problems} schema problem(s)`);
  process.exit(1);
}
console.log("all rendered objects validate against their schemas");
