// Turns the Deployment of a rendered kustomize overlay into `podman run` arguments, so the container check runs the
// image exactly as the overlay would: its user and groups, read-only root file system, dropped capabilities, no
// privilege escalation, the ConfigMap and Secret environment, and a mount for every volumeMount (emptyDir -> a fresh
// directory under --volumes, mode 0777, as the kubelet makes it; medium Memory -> tmpfs; secret -> the generated
// files, read-only; persistentVolumeClaim -> a podman named volume).
//
//   kubectl kustomize kubernetes/overlays/production \
//     | node .ci/tools/pod-to-podman.mjs --secrets DIR --env-out FILE --volumes DIR [--set KEY=VALUE ...]
//
// --secrets DIR: files DIR/<secret name>/<key> hold the Secrets' values (made by the caller at check time).
// --env-out FILE: written (mode 0600) with the container's environment; the arguments name it, so no secret value is
// on a command line. --set overrides or adds one variable (loopback ports and the database address on this machine).
// Prints one argument per line, then stops; fails when the overlay uses something it cannot reproduce.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const argv = process.argv.slice(2);
const opt = { set: [] };
for (let i = 0; i < argv.length; i += 2) {
  const key = argv[i].replace(/^--/, "");
  if (key === "set") opt.set.push(argv[i + 1]);
  else opt[key.replace(/-(\w)/g, (_, c) => c.toUpperCase())] = argv[i + 1];
}
if (!opt.secrets || !opt.envOut || !opt.volumes) {
  throw new Error("usage: --secrets DIR --env-out FILE --volumes DIR [--set KEY=VALUE ...]");
}

const docs = parseAllDocuments(readFileSync(0, "utf8")).map((d) => d.toJS()).filter(Boolean);
const byKind = (kind, name) => docs.find((d) => d.kind === kind && (!name || d.metadata.name === name));
const deployment = byKind("Deployment");
const pod = deployment.spec.template.spec;
const [container] = pod.containers;
const secretValue = (name, key) => readFileSync(`${opt.secrets}/${name}/${key}`, "utf8").replace(/\n$/, "");

const env = new Map();
for (const from of container.envFrom ?? []) {
  if (!from.configMapRef) throw new Error(`envFrom ${JSON.stringify(from)} not supported`);
  for (const [k, v] of Object.entries(byKind("ConfigMap", from.configMapRef.name).data ?? {})) env.set(k, String(v));
}
for (const e of container.env ?? []) {
  if ("value" in e) env.set(e.name, String(e.value));
  else if (e.valueFrom?.secretKeyRef) env.set(e.name, secretValue(e.valueFrom.secretKeyRef.name, e.valueFrom.secretKeyRef.key));
  else if (e.valueFrom?.configMapKeyRef) {
    env.set(e.name, String(byKind("ConfigMap", e.valueFrom.configMapKeyRef.name).data[e.valueFrom.configMapKeyRef.key]));
  } else throw new Error(`env ${e.name}: source not supported`);
}
for (const s of opt.set) env.set(s.slice(0, s.indexOf("=")), s.slice(s.indexOf("=") + 1));
if ([...env.values()].some((v) => v.includes("\n"))) throw new Error("multi-line environment values not supported");
writeFileSync(opt.envOut, [...env].map(([k, v]) => `${k}=${v}\n`).join(""), { mode: 0o600 });

const psc = pod.securityContext ?? {};
const csc = container.securityContext ?? {};
const uid = csc.runAsUser ?? psc.runAsUser;
const gid = csc.runAsGroup ?? psc.runAsGroup;
const args = ["--env-file", opt.envOut];
if (uid !== undefined) args.push("--user", gid !== undefined ? `${uid}:${gid}` : String(uid));
if (psc.fsGroup !== undefined) args.push("--group-add", String(psc.fsGroup));
if (csc.readOnlyRootFilesystem) args.push("--read-only", "--read-only-tmpfs=false");
for (const cap of csc.capabilities?.drop ?? []) args.push("--cap-drop", cap);
for (const cap of csc.capabilities?.add ?? []) args.push("--cap-add", cap);
if (csc.allowPrivilegeEscalation === false) args.push("--security-opt", "no-new-privileges");
if (csc.privileged) throw new Error("privileged containers not supported");
if (pod.terminationGracePeriodSeconds !== undefined) args.push("--stop-timeout", String(pod.terminationGracePeriodSeconds));

const sizeToBytes = (q) => {
  const m = /^(\d+)(Ki|Mi|Gi)?$/.exec(String(q));
  if (!m) throw new Error(`size ${q} not supported`);
  return Number(m[1]) * { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 }[m[2] ?? ""] || Number(m[1]);
};
for (const m of container.volumeMounts ?? []) {
  const v = pod.volumes.find((x) => x.name === m.name);
  if (v.emptyDir?.medium === "Memory") {
    const size = v.emptyDir.sizeLimit ? `,size=${sizeToBytes(v.emptyDir.sizeLimit)}` : "";
    args.push("--tmpfs", `${m.mountPath}:rw,exec${size}`);
  } else if (v.emptyDir) {
    // As the kubelet makes an emptyDir: a fresh directory on the node, mode 0777, bind-mounted. (A podman tmpfs
    // takes the mode of the image's mount point under runc, so the pod's user could not write it.) The size limit is
    // the kubelet's eviction threshold, not a mount option: it is not enforced here.
    if (v.emptyDir.sizeLimit) sizeToBytes(v.emptyDir.sizeLimit);
    const dir = `${opt.volumes}/${v.name}`;
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o777);
    args.push("-v", `${dir}:${m.mountPath}:rw`);
  } else if (v.secret) {
    const items = v.secret.items ?? [];
    if (items.length === 0) args.push("-v", `${opt.secrets}/${v.secret.secretName}:${m.mountPath}:ro`);
    for (const it of items) {
      args.push("--mount", `type=bind,src=${opt.secrets}/${v.secret.secretName}/${it.key},dst=${m.mountPath}/${it.path},ro`);
    }
  } else if (v.persistentVolumeClaim) {
    args.push("-v", `${v.persistentVolumeClaim.claimName}:${m.mountPath}`);
  } else throw new Error(`volume ${v.name}: type not supported`);
}
process.stdout.write(args.join("\n") + "\n");
