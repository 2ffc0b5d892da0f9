// ESLint flat config (`npm run lint`, `npm run lint:fix`; part of `npm test`).
//
// - @eslint/js and typescript-eslint recommended rules for every .js/.mjs/.ts/.tsx file;
// - eslint-plugin-office-addins' Office.js rules (its "recommended" rule set) for the code that calls
//   Office.js: src/excel (the only code that does), and the add-in entry points that reach it;
// - the rules of hooks for the React code;
// - eslint-config-prettier last, so no stylistic rule fights Prettier. Formatting itself is Prettier's
//   job (`npm run format`, configuration in .prettierrc.json), not lint's.
//
// Every eslint-disable comment states its reason after " -- " (gradekit/disable-needs-reason), and a
// disable comment that no longer disables anything is an error.
import js from "@eslint/js";
import prettierConfig from "eslint-config-prettier";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** GradeKit's own rule: `eslint-disable...` comments must say why, as `-- reason`. */
const gradekitPlugin = {
  rules: {
    "disable-needs-reason": {
      meta: {
        type: "suggestion",
        docs: { description: "require a reason (after ' -- ') in every eslint-disable comment" },
        schema: [],
        messages: { noReason: "State why after ' -- ': `{{directive}} <rule> -- <reason>`." },
      },
      create(context) {
        return {
          Program() {
            for (const comment of context.sourceCode.getAllComments()) {
              const text = comment.value.trim();
              const m = /^(eslint-disable(?:-next-line|-line)?)\b/.exec(text);
              if (!m) continue;
              const reason = text.split(/\s--\s/)[1];
              if (!reason || !reason.trim()) {
                context.report({ loc: comment.loc, messageId: "noReason", data: { directive: m[1] } });
              }
            }
          },
        };
      },
    },
  },
};

// eslint-plugin-office-addins "recommended" rules, without its Prettier rule (see above) and its own parser:
// typescript-eslint below parses TypeScript for every file.
const officeRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "warn",
  "office-addins/no-empty-load": "warn",
  "office-addins/no-navigational-load": "warn",
  "office-addins/no-office-initialize": "warn",
  "office-addins/test-for-null-using-isNullObject": "error",
};

export default tseslint.config(
  {
    ignores: ["dist/**", "lib/**", "coverage/**", "test-artifacts/**", "node_modules/**", "tmp/**"],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { gradekit: gradekitPlugin },
    rules: {
      "gradekit/disable-needs-reason": "error",
      // `let [a, b] = ...` where only `a` is reassigned stays one declaration.
      "prefer-const": ["error", { destructuring: "all" }],
      // GradeKit's regular expressions match control characters on purpose: formulas, SQL literals,
      // CSV and XML refuse or escape them.
      "no-control-regex": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node },
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    // Code that calls Office.js. (src/host implements the API and its tests break the rules on purpose;
    // the CLI's exceljs objects and the playground's in-memory model are not Office.js.)
    files: ["src/excel/**/*.ts", "src/commands/**/*.ts", "src/functions/**/*.ts", "src/taskpane/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeRules,
      // src/excel syncs once per chunk on purpose: a request to Excel is limited to 5 MB, so big tables are
      // read and written in chunks (src/excel/batching.ts), one sync each.
      "office-addins/no-context-sync-in-loop": "off",
    },
  },
  {
    // Custom functions receive Excel's cell values: `any` is the type custom-functions-metadata maps to
    // Excel's "any" (number, text, boolean, blank or error); functions.json is generated from these signatures.
    files: ["src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Node scripts and configurations in CommonJS.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
  },
  {
    // Benchmarks and scripts also hold functions that run in a browser page (page.evaluate).
    files: ["bench/**/*.js", "scripts/**/*.js"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  prettierConfig,
);
