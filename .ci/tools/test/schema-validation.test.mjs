// Every object both overlays render validates against its schema, and the validator does reject a broken object
// (so a green run means something).
import assert from "node:assert/strict";
import { test } from "node:test";
import { overlays, render, validate } from "../lib/manifests.mjs";

for (const overlay of overlays) {
  test(`${overlay}: every rendered object validates`, async () => {
    const objects = render(overlay);
    assert.ok(objects.length >= 9, `${objects.length} objects`);
    const problems = (await Promise.all(objects.map(validate))).flat();
    assert.deepEqual(problems, []);
  });
}

test("the validator rejects a wrong type and an unknown kind", async () => {
  const deployment = render("production").find((o) => o.kind === "Deployment");
  const broken = structuredClone(deployment);
  broken.spec.replicas = "three";
  assert.equal((await validate(broken)).length, 1);
  assert.equal((await validate({ apiVersion: "example.com/v1", kind: "Gadget", metadata: { name: "x" } })).length, 1);
});
