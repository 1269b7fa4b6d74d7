#!/usr/bin/env node
// Writes src/office/fake/api-sets.json: the requirement set of every Excel class member, from the
// `[Api set: ...]` remarks of the installed @types/office-js. Run after upgrading @types/office-js;
// test/office/api-sets.test.ts fails while the committed table differs from the typings.
"use strict";

const fs = require("fs");
const path = require("path");
const { generateApiSets, renderApiSets } = require("./office-api-sets-lib");

const root = path.join(__dirname, "..");
const typings = require.resolve("@types/office-js/index.d.ts", { paths: [root] });
const version = JSON.parse(fs.readFileSync(path.join(path.dirname(typings), "package.json"), "utf8")).version;
const table = generateApiSets(fs.readFileSync(typings, "utf8"));
const out = path.join(root, "src", "office", "fake", "api-sets.json");
fs.writeFileSync(out, renderApiSets(table, `@types/office-js ${version}`));
const members = Object.values(table).reduce((n, m) => n + Object.keys(m).length, 0);
console.log(`${path.relative(root, out)}: ${Object.keys(table).length} classes, ${members} members (@types/office-js ${version})`);
