import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
const require = __chCreateRequire(import.meta.url);
const __filename = __chFileURLToPath(import.meta.url);
const __dirname = __chDirname(__filename);

// src/model/finding.ts
var FINDING_KINDS = ["static", "runtime", "predicted"];
var CAUSES = [
  "deleted-dll",
  "replaced-dll",
  "address-collision",
  "heap",
  "resources",
  "interference",
  "unknown"
];
var SEVERITIES = ["error", "warning", "note"];
var EVIDENCE_ROLES = [
  "load",
  "delete",
  "replace",
  "spawn",
  "fork",
  "fork-failure",
  "abort",
  "exit",
  "context"
];
function dllBasename(p) {
  const s = p.replace(/\\/g, "/");
  return s.slice(s.lastIndexOf("/") + 1).toLowerCase();
}

export {
  FINDING_KINDS,
  CAUSES,
  SEVERITIES,
  EVIDENCE_ROLES,
  dllBasename
};
