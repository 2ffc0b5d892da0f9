/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["<rootDir>/test/**/*.test.ts?(x)"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
    // numfmt 4.0.1's package.json names dist/index.cjs for require(), which the package lacks; dist/index.js is the CommonJS build
    "^numfmt$": "<rootDir>/node_modules/numfmt/dist/index.js",
  },
  setupFiles: ["<rootDir>/test/support/neutral-locale.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/support/ui-timeouts.ts"],
  testTimeout: 30000,
};
