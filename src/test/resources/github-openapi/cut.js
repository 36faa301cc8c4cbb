// Cuts GitHub's OpenAPI description down to what the pull-request provider uses.
// node cut.js <path to @octokit/openapi's generated/api.github.com.json> > pulls.json
const fs = require("fs");
const api = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const PATHS = ["/repos/{owner}/{repo}/pulls"];
const out = {
  openapi: api.openapi,
  info: { title: api.info.title, version: api.info.version, description: "Subset of @octokit/openapi generated/api.github.com.json: " + PATHS.join(", ") + " and the components they reference." },
  paths: {},
  components: {},
};
const seen = new Set();
function walk(node) {
  if (Array.isArray(node)) { node.forEach(walk); return; }
  if (!node || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string" && !seen.has(value)) {
      seen.add(value);
      const [, , section, name] = value.split("/");
      const target = api.components[section][name];
      (out.components[section] ||= {})[name] = target;
      walk(target);
    } else {
      walk(value);
    }
  }
}
for (const path of PATHS) { out.paths[path] = api.paths[path]; walk(api.paths[path]); }
for (const section of Object.keys(out.components)) {
  out.components[section] = Object.fromEntries(Object.entries(out.components[section]).sort(([a], [b]) => a.localeCompare(b)));
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
