// Prints, as bash, the environment and the mounted Secret files the production overlay gives the service's pod, so a
// check can run a local Liberty the way the cluster would. Reads what `kubectl kustomize` renders (not the source
// files), so a patch that changes the wiring changes what the check runs with.
//   node .ci/tools/pod-env.mjs ROOT  ->  lines `export NAME='value'` and `pod_file SECRET KEY PATH`
// ROOT prefixes every path under a Secret or ConfigMap volume (in env values and in pod_file), so the files can live
// in a temporary directory. A secretKeyRef becomes `export NAME="$(pod_secret SECRET KEY)"`: the caller defines
// pod_secret and pod_file (it makes the Secret values, e.g. a fresh keystore password, at check time).
import { render } from "./lib/manifests.mjs";

const root = process.argv[2];
if (!root) {
  console.error("usage: node .ci/tools/pod-env.mjs ROOT");
  process.exit(2);
}
const objects = render("production");
const deployment = objects.find((o) => o.kind === "Deployment" && o.metadata.name === "prediction-service");
const container = deployment.spec.template.spec.containers.find((c) => c.name === "prediction-service");
const volumes = Object.fromEntries(deployment.spec.template.spec.volumes.map((v) => [v.name, v]));
const fileMounts = (container.volumeMounts ?? []).filter((m) => volumes[m.name]?.secret || volumes[m.name]?.configMap);
const quote = (value) => `'${String(value).replaceAll("'", `'\\''`)}'`;
const remap = (value) =>
  fileMounts.some((m) => String(value).startsWith(m.mountPath + "/")) ? root + value : value;

for (const source of container.envFrom ?? []) {
  const name = source.configMapRef?.name;
  const map = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === name);
  if (!map) throw new Error(`envFrom names ConfigMap ${name}, which the overlay does not render`);
  for (const [key, value] of Object.entries(map.data ?? {})) console.log(`export ${key}=${quote(remap(value))}`);
}
for (const env of container.env ?? []) {
  if (env.value !== undefined) console.log(`export ${env.name}=${quote(remap(env.value))}`);
  else if (env.valueFrom?.secretKeyRef) {
    const { name, key } = env.valueFrom.secretKeyRef;
    console.log(`export ${env.name}="$(pod_secret ${name} ${key})"`);
  } else throw new Error(`env ${env.name}: only value and secretKeyRef are supported here`);
}
for (const mount of fileMounts) {
  const secret = volumes[mount.name].secret;
  if (!secret) throw new Error(`volume ${mount.name}: only Secret volumes are supported here`);
  for (const item of secret.items ?? []) {
    console.log(`pod_file ${secret.secretName} ${item.key} ${quote(root + mount.mountPath + "/" + item.path)}`);
  }
}
