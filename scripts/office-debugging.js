// Runs Microsoft's office-addin-debugging CLI on manifest.xml with node directly (no shell, so the
// same code works on Windows without the .cmd shim) and passes its exit code on.
"use strict";

const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");

function runOfficeDebugging(command, extraArgs) {
  const cli = path.join(path.dirname(require.resolve("office-addin-debugging/package.json")), "cli.js");
  const result = spawnSync(process.execPath, [cli, command, "manifest.xml", ...extraArgs], { cwd: root, stdio: "inherit" });
  if (result.error) throw result.error;
  return result.status === null ? 1 : result.status;
}

module.exports = { runOfficeDebugging };
