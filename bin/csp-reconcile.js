#!/usr/bin/env node
"use strict";
// Thin launcher: the command is compiled from src/cli by `npm run build:cli` (run by `npm ci` via "prepare").
let main;
try {
  ({ main } = require("../build/cli/main.js"));
} catch (error) {
  process.stderr.write("csp-reconcile: not built yet; run `npm run build:cli` (or `npm ci`) first\n");
  process.exit(2);
}
main(process.argv.slice(2)).then((code) => process.exit(code));
