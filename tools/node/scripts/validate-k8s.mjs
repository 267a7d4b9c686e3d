// Validates Kubernetes objects against the API schemas that the npm package kubernetes-models ships (offline).
//   node validate-k8s.mjs OBJECTS.json     (a JSON array of objects; YAML is converted by the caller)
// Prints one line per object ("ok Kind/name" or "invalid Kind/name: ...") and exits 1 if any is invalid.
import { readFileSync } from "node:fs";

const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
let invalid = 0;
for (const object of objects) {
  const name = `${object.kind}/${object.metadata?.name}`;
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
  const modulePath = group ? `kubernetes-models/${group}/${version}/${object.kind}` : `kubernetes-models/${version}/${object.kind}`;
  try {
    const module = await import(modulePath);
    const Model = module[object.kind] ?? module.default;
    new Model(object).validate();
    console.log(`ok ${name}`);
  } catch (error) {
    invalid++;
    console.log(`invalid ${name}: ${error.message}`);
  }
}
process.exit(invalid === 0 ? 0 : 1);
