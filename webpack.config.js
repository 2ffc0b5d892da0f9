/*
 * GradeKit add-in build (webpack 5).
 *
 *   npm run build        production  -> dist/  (needs GRADEKIT_BASE_URL: where dist/ will be hosted)
 *   npm run build:dev    development -> dist/  (https://localhost:3000/)
 *   npm run dev-server   https://localhost:3000 (office-addin-dev-certs; http fallback)
 *
 * Switches (environment variables):
 *   GRADEKIT_BASE_URL    production only, required: the https address dist/ is served from. The production
 *                        manifest, the functions' help links and the help pages point there.
 *   GRADEKIT_OFFICE_JS   where taskpane.html loads office.js from:
 *                          cdn    Microsoft's CDN, https://appsforoffice.microsoft.com/lib/1/hosted/office.js
 *                                 (production default; the supported source, required for AppSource)
 *                          china  the CDN of Office 365 operated by 21Vianet (China), appsforoffice.cdn.partner.office365.cn
 *                          self   a copy of @microsoft/office-js in dist/office-js/ (development default; for
 *                                 networks that cannot reach the CDN)
 *                          https://...  any other office.js URL (e.g. a government cloud's CDN)
 *
 * dist/ layout (everything served from one origin, which the manifest calls the base URL):
 *   taskpane.html        the single shared-runtime page (task pane + ribbon commands + custom functions)
 *   functions.js         custom functions + the webpack runtime; also the manifest's Functions.Script.Url
 *   commands.js          ribbon command handlers      (dependOn: functions)
 *   taskpane.js          React task pane              (dependOn: functions)
 *   functions.json       custom functions metadata (custom-functions-metadata-plugin), functions-zh-CN.json
 *   help/                a help page per function, English and Chinese (scripts/function-help.js)
 *   assets/              icons, logo, getting-started page
 *   manifest.xml         the manifest of this environment (scripts/manifests.js): production = production Id,
 *                        "GradeKit", namespace GK, URLs under GRADEKIT_BASE_URL; development = manifest.xml
 *   office-js/           only with GRADEKIT_OFFICE_JS=self: @microsoft/office-js/dist (no *.debug.js, no typings)
 *   THIRD-PARTY-NOTICES.txt  licences of the third-party code in dist/ (scripts/third-party-notices.js)
 *
 * Why three entries and not one: the manifest's <Script> must name a standalone functions bundle, and
 * Microsoft's shared-runtime layout loads the functions/commands/taskpane chunks into taskpane.html.
 * `dependOn: "functions"` makes commands.js and taskpane.js reuse the runtime and every module already
 * in functions.js (e.g. src/engine), so the page holds ONE instance of each module (shared state works)
 * and no code is duplicated, while functions.js alone still works at the Script URL.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const FunctionHelpPlugin = require("./scripts/function-help.js");
const ThirdPartyNoticesPlugin = require("./scripts/third-party-notices.js");
const {
  DEV_BASE_URL,
  ENVIRONMENTS,
  manifestFor,
  normalizeBaseUrl,
  rewriteManifest,
} = require("./scripts/manifests.js");

const DEV_PORT = 3000;
const ROOT = __dirname;

/** office.js on Microsoft's CDNs (GRADEKIT_OFFICE_JS=cdn|china). */
const OFFICE_JS_CDN = {
  cdn: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  china: "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
};
const SELF_HOSTED_OFFICE_JS = "office-js/office.js"; // the src in src/taskpane/taskpane.html

/** A configuration mistake: reported as one message, and the build exits 2. */
class ConfigError extends Error {}

const ENTRIES = {
  functions: "./src/functions/functions.ts",
  commands: "./src/commands/commands.ts",
  taskpane: "./src/taskpane/index.tsx",
};

/** The base URL dist/ is served from, ending in "/": GRADEKIT_BASE_URL, required in production. */
function deploymentBaseUrl(isProduction, raw = process.env.GRADEKIT_BASE_URL) {
  if (!raw) {
    if (!isProduction) return DEV_BASE_URL;
    throw new ConfigError(
      "A production build needs GRADEKIT_BASE_URL: the https address where dist/ will be hosted\n" +
        "(the manifest, the task pane, the functions and their help pages all point there). For example:\n\n" +
        "    GRADEKIT_BASE_URL=https://addins.example.com/gradekit/ npm run build\n\n" +
        "For a build against https://localhost:3000/ use `npm run build:dev`.",
    );
  }
  let href;
  try {
    href = normalizeBaseUrl(raw);
  } catch (e) {
    throw new ConfigError(e.message);
  }
  if (!href.startsWith("https:")) {
    console.warn(
      `[gradekit] GRADEKIT_BASE_URL uses ${new URL(href).protocol} - Office requires https for add-in pages.`,
    );
  }
  return href;
}

/** Where taskpane.html loads office.js from: { mode: "cdn"|"china"|"self"|"url", src }. */
function officeJsSource(isProduction, raw = process.env.GRADEKIT_OFFICE_JS) {
  const value = (raw || (isProduction ? "cdn" : "self")).trim();
  if (value === "self") return { mode: "self", src: SELF_HOSTED_OFFICE_JS };
  if (Object.prototype.hasOwnProperty.call(OFFICE_JS_CDN, value)) return { mode: value, src: OFFICE_JS_CDN[value] };
  if (/^https:\/\/[^\s"'<>]+$/.test(value)) return { mode: "url", src: value };
  throw new ConfigError(
    `GRADEKIT_OFFICE_JS must be cdn, china, self or an https:// URL of office.js, not ${JSON.stringify(raw)}`,
  );
}

/** Points taskpane.html's office.js <script> at `src` (exactly one such script must be in the page). */
class OfficeJsSourcePlugin {
  constructor(src) {
    this.src = src;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("GradeKitOfficeJsSource", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("GradeKitOfficeJsSource", (data) => {
        const needle = `src="${SELF_HOSTED_OFFICE_JS}"`;
        const count = data.html.split(needle).length - 1;
        if (count !== 1) {
          compilation.errors.push(
            new compiler.webpack.WebpackError(`taskpane.html must load office.js once as ${needle}; found ${count}`),
          );
          return data;
        }
        data.html = data.html.replace(needle, `src="${this.src}"`);
        return data;
      });
    });
  }
}

async function devServerOptions() {
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options };
  } catch (error) {
    const reason = error && error.message ? error.message.split("\n")[0] : String(error);
    // getHttpsServerOptions() creates the certificates and then trusts the CA (sudo on Linux). If only the
    // trust step failed, the certificate files exist: serve https with them (browsers warn, Office refuses
    // until the CA is trusted) rather than dropping to http.
    try {
      const d = require("office-addin-dev-certs/lib/defaults");
      const options = {
        ca: fs.readFileSync(d.caCertificatePath),
        cert: fs.readFileSync(d.localhostCertificatePath),
        key: fs.readFileSync(d.localhostKeyPath),
      };
      console.warn(
        `[gradekit] HTTPS certificates were created but their CA is not trusted (${reason}).\n` +
          `[gradekit] Serving https://localhost:${DEV_PORT}/ with them anyway; trust ${d.caCertificatePath} ` +
          "(e.g. `sudo npx office-addin-dev-certs install`) before sideloading into Office.",
      );
      return { type: "https", options };
    } catch {
      console.warn(
        `[gradekit] Could not create the localhost HTTPS certificates (office-addin-dev-certs): ${reason}\n` +
          `[gradekit] Falling back to plain HTTP: http://localhost:${DEV_PORT}/ . Office only loads https add-ins; ` +
          "run `npx office-addin-dev-certs install` and restart the dev server to get https.",
      );
      return "http";
    }
  }
}

async function config(env, argv) {
  const mode = argv.mode || process.env.NODE_ENV || "production";
  const isProduction = mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const environment = isProduction ? "production" : "development";
  const baseUrl = deploymentBaseUrl(isProduction);
  const officeJs = officeJsSource(isProduction);

  for (const [name, file] of Object.entries(ENTRIES)) {
    if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`[gradekit] missing entry "${name}": ${file}`);
  }

  return {
    mode,
    context: ROOT,
    devtool: isProduction ? false : "eval-cheap-module-source-map",
    entry: {
      functions: ENTRIES.functions,
      commands: { import: ENTRIES.commands, dependOn: "functions" },
      taskpane: { import: ENTRIES.taskpane, dependOn: "functions" },
    },
    output: {
      path: path.join(ROOT, "dist"),
      filename: "[name].js",
      publicPath: "", // relative URLs: dist/ can live under any base path
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.join(ROOT, "tsconfig.webpack.json"),
              transpileOnly: true, // type checking is `npm run typecheck`'s job; keeps builds fast
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: ENTRIES.functions,
      }),
      new (require("./src/functions/metadata-plugin.js"))(), // functions.json: allowErrorForDataTypeAny; emits functions-zh-CN.json
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
        hash: isProduction, // ?<hash> on script URLs: cache busting with stable file names
      }),
      new OfficeJsSourcePlugin(officeJs.src),
      new FunctionHelpPlugin({ baseUrl, namespace: ENVIRONMENTS[environment].namespace }),
      new ThirdPartyNoticesPlugin({
        extra:
          officeJs.mode === "self"
            ? [{ dir: "node_modules/@microsoft/office-js", note: "office.js, self-hosted in office-js/" }]
            : [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "assets",
            to: "assets",
            info: { minimized: true },
          },
          ...(officeJs.mode === "self"
            ? [
                {
                  // Self-hosted office.js. `minimized: true` stops Terser re-minifying ~28 MB of Microsoft's files.
                  // Left out: *.debug.js, and the editor-only office.d.ts / office-vsdoc.js (6 MB, never loaded).
                  from: "node_modules/@microsoft/office-js/dist",
                  to: "office-js",
                  globOptions: { ignore: ["**/*.debug.js", "**/office.d.ts", "**/office-vsdoc.js"] },
                  info: { minimized: true },
                },
              ]
            : []),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            info: { minimized: true },
            transform: (content) => manifestFor(environment, content, { baseUrl }),
          },
        ],
      }),
    ],
    performance: {
      // Only our own bundles count (not the copied office.js files). React + Fluent UI are ~0.5 MB minified.
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("office-js/"),
      maxAssetSize: 1.5 * 1024 * 1024,
      maxEntrypointSize: 2 * 1024 * 1024,
      hints: isProduction ? "warning" : false,
    },
    devServer: serving
      ? {
          port: DEV_PORT,
          host: "localhost",
          server: await devServerOptions(),
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
          hot: false,
          liveReload: true,
          client: { overlay: { warnings: false, errors: true } },
        }
      : undefined,
  };
}

module.exports = async (env = {}, argv = {}) => {
  try {
    return await config(env, argv);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`\n[gradekit] ${e.message.split("\n").join("\n[gradekit] ")}\n\n`);
    process.exit(2);
  }
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.deploymentBaseUrl = deploymentBaseUrl;
module.exports.officeJsSource = officeJsSource;
module.exports.ConfigError = ConfigError;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
