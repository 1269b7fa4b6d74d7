/**
 * Writes the bench's generated export folder, for trying the product at partner scale by hand
 * (docs/TESTING-IN-EXCEL.md):
 *
 *   npm run build:cli && npx tsc -p bench/tsconfig.json
 *   node build/bench/bench/make-exports.js --customers 10000 --out /tmp/exports-10k
 *   node bin/csp-reconcile.js /tmp/exports-10k --out 10k.xlsx --json 10k.json
 */
import { parseArgs } from "util";
import { generate, writeSet } from "./generate";

const { values } = parseArgs({ options: { customers: { type: "string", default: "10000" }, seed: { type: "string", default: "20261124" }, out: { type: "string" } } });
if (!values.out) {
  process.stderr.write("make-exports: --out <folder> is required\n");
  process.exit(2);
}
const n = Number(values.customers);
// The same seed as npm run bench uses for this size.
const set = generate(n, Number(values.seed) + n);
writeSet(set, values.out).then(
  () => process.stderr.write(`${n} customers: ${set.files.size} files in ${values.out}\n`),
  (e) => {
    process.stderr.write(`make-exports: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
