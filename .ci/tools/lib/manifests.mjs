// Rendering and schema validation of the kustomize overlays, shared by the CLI (validate-manifests.mjs) and the tests.
import { execFileSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const overlays = ["dev", "production", "persistent-spool"];

/** `kubectl kustomize` of one overlay (or, with a path, any kustomization under kubernetes/), as plain objects. */
export function render(overlay, dir = `overlays/${overlay}`) {
  const text = execFileSync("kubectl", ["kustomize", resolve(repoRoot, "kubernetes", dir)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length) throw new Error(`${overlay}: ${doc.errors[0].message}`);
    return doc.toJS();
  });
}

// apiVersion -> the package module that holds its models. A kind we have no schema for is an error, never a skip:
// an object nothing checked must not pass as validated.
const modules = {
  v1: "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "cert-manager.io/v1": "@kubernetes-models/cert-manager/cert-manager.io/v1",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
};

/** Validates one object against its Kubernetes (or cert-manager, Prometheus Operator) JSON schema; returns a list of problems. */
export async function validate(object) {
  const where = `${object.apiVersion} ${object.kind} ${object.metadata?.name}`;
  const module = modules[object.apiVersion];
  if (!module) return [`${where}: no schema known for apiVersion ${object.apiVersion}`];
  const models = await import(module);
  const Model = models[object.kind];
  if (!Model) return [`${where}: no schema known for kind ${object.kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [`${where}: ${error.message}`];
  }
}
