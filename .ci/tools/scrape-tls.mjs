// Prints what the HTTPS scrape check needs from the manifests: the PodMonitor's tlsConfig.serverName, then the
// production Certificate's DNS names as an openssl subjectAltName value (DNS:a,DNS:b).
import { render } from "./lib/manifests.mjs";

const monitor = render("monitoring/operator", "monitoring/operator").find((o) => o.kind === "PodMonitor");
const certificate = render("production").find((o) => o.kind === "Certificate");
console.log(monitor.spec.podMetricsEndpoints[0].tlsConfig.serverName);
console.log(certificate.spec.dnsNames.map((n) => `DNS:${n}`).join(","));
