/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest only for an enum; the real package pulls
    // ESM-only dependencies that jest's CommonJS runtime cannot load (research/feasibility.md §2).
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
  },
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  testTimeout: 120000,
  // LibreOffice and Chromium tests start real programs; two workers fit the 2-core CI machine.
  maxWorkers: 2,
};
