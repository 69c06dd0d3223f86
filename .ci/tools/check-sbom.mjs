// The CycloneDX SBOM that `./mvnw package` writes (target/prediction-service.cdx.json) lists every jar the server runs
// with (the WAR's WEB-INF/lib, the server's lib/global and lib/jdbc), and none of them is a version with a known CVE
// that issue 13 named (pom.xml pins their fixed versions). Exit code 1 on any problem.
//   node .ci/tools/check-sbom.mjs
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { repoRoot } from "./lib/manifests.mjs";

// name -> the first version without the CVEs (the vulnerable versions are older).
const FIXED = {
  "commons-compress": "1.26.0", // CVE-2024-25710, CVE-2024-26308
  "commons-io": "2.14.0", // CVE-2024-47554
  "commons-lang3": "3.18.0", // CVE-2025-48924
  "commons-net": "3.9.0", // CVE-2021-37533
  gson: "2.8.9", // CVE-2022-25647
};
const target = resolve(repoRoot, "target");
const server = resolve(target, "liberty/wlp/usr/servers/predictionServer");
const bomFile = resolve(target, "prediction-service.cdx.json");
if (!existsSync(bomFile)) {
  console.error(`FAIL: ${bomFile} is missing: ./mvnw package writes it`);
  process.exit(1);
}
const bom = JSON.parse(readFileSync(bomFile, "utf8"));
const components = bom.components ?? [];
const problems = [];

const warJars = execFileSync("jar", ["tf", resolve(target, "prediction-service.war")], { encoding: "utf8" })
  .split("\n")
  .filter((entry) => /^WEB-INF\/lib\/.+\.jar$/.test(entry))
  .map((entry) => entry.slice("WEB-INF/lib/".length));
const shipped = [["WEB-INF/lib", warJars]];
for (const dir of ["lib/global", "lib/jdbc"]) {
  shipped.push([dir, readdirSync(resolve(server, dir)).filter((f) => f.endsWith(".jar"))]);
}
for (const [where, jars] of shipped) {
  if (jars.length === 0) problems.push(`${where}: no jars found; build first`);
  for (const jar of jars) {
    if (!components.some((c) => jar === `${c.name}-${c.version}.jar` || jar.startsWith(`${c.name}-${c.version}-`))) {
      problems.push(`${where}/${jar} is not in the SBOM`);
    }
  }
  console.log(`${where}: ${jars.length} jars`);
}

const older = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split(/[.-]/).map((n) => Number.parseInt(n, 10) || 0));
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  }
  return false;
};
for (const c of components) {
  if (FIXED[c.name] && older(c.version, FIXED[c.name])) {
    problems.push(`${c.group}:${c.name}:${c.version} has known CVEs (fixed in ${FIXED[c.name]})`);
  }
}
problems.forEach((p) => console.error(`FAIL: ${p}`));
if (problems.length) process.exit(1);
console.log(`SBOM: CycloneDX ${bom.specVersion}, ${components.length} components, every shipped jar among them; none of ${Object.keys(FIXED).join(", ")} below its fixed version`);
