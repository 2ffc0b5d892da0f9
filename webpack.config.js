/*
 * GradeKit add-in build (webpack 5).
 *
 *   npm run build        production  -> dist/
 *   npm run build:dev    development -> dist/
 *   npm run dev-server   https://localhost:3000 (office-addin-dev-certs; http fallback)
 *
 * dist/ layout (everything served from one origin, which the manifest calls the base URL):
 *   taskpane.html        the single shared-runtime page (task pane + ribbon commands + custom functions)
 *   functions.js         GK.* custom functions + the webpack runtime; also the manifest's Functions.Script.Url
 *   commands.js          ribbon command handlers      (dependOn: functions)
 *   taskpane.js          React task pane              (dependOn: functions)
 *   functions.json       custom functions metadata (custom-functions-metadata-plugin)
 *   office-js/           self-hosted @microsoft/office-js/dist (no *.debug.js, no typings); taskpane.html loads office-js/office.js
 *   assets/              icons, logo, help page
 *   manifest.xml         https://localhost:3000/ replaced by GRADEKIT_BASE_URL in production builds
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

const DEV_BASE_URL = "https://localhost:3000/";
const DEV_PORT = 3000;
const ROOT = __dirname;

const ENTRIES = {
  functions: "./src/functions/functions.ts",
  commands: "./src/commands/commands.ts",
  taskpane: "./src/taskpane/index.tsx",
};

/** The deployment base URL for production manifests, always ending in "/". */
function deploymentBaseUrl(isProduction) {
  const raw = process.env.GRADEKIT_BASE_URL;
  if (!raw) {
    if (isProduction) {
      console.warn(
        `[gradekit] GRADEKIT_BASE_URL is not set: dist/manifest.xml keeps ${DEV_BASE_URL}. ` +
          "Set it to where dist/ will be hosted, e.g. GRADEKIT_BASE_URL=https://addins.example.com/gradekit/",
      );
    }
    return DEV_BASE_URL;
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`GRADEKIT_BASE_URL is not an absolute URL: ${JSON.stringify(raw)}`);
  }
  if (url.search || url.hash) {
    throw new Error(`GRADEKIT_BASE_URL must not have a query or fragment: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== "https:") {
    console.warn(`[gradekit] GRADEKIT_BASE_URL uses ${url.protocol} - Office requires https for add-in pages.`);
  }
  const href = url.href;
  return href.endsWith("/") ? href : `${href}/`;
}

/** Production manifest: developer comments dropped, dev base URL replaced by the deployment one. */
function rewriteManifest(content, baseUrl) {
  const xml = content.toString("utf8").replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n?/g, "");
  if (baseUrl === DEV_BASE_URL) return xml;
  // Base URL is inserted into XML attributes; escape the XML special characters it could contain.
  const escaped = baseUrl.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return xml.split(DEV_BASE_URL).join(escaped);
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

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || "production";
  const isProduction = mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = deploymentBaseUrl(isProduction);

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
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "assets",
            to: "assets",
            info: { minimized: true },
          },
          {
            // Self-hosted office.js. `minimized: true` stops Terser re-minifying ~28 MB of Microsoft's files.
            // Left out: *.debug.js, and the editor-only office.d.ts / office-vsdoc.js (6 MB, never loaded).
            from: "node_modules/@microsoft/office-js/dist",
            to: "office-js",
            globOptions: { ignore: ["**/*.debug.js", "**/office.d.ts", "**/office-vsdoc.js"] },
            info: { minimized: true },
          },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            info: { minimized: true },
            transform: (content) => (isProduction ? rewriteManifest(content, baseUrl) : content),
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
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.deploymentBaseUrl = deploymentBaseUrl;
