/*
 * GradeKit playground build (webpack 5): the task pane next to an in-browser workbook, for machines
 * without Excel. Separate from webpack.config.js (the add-in); `npm start` uses it where Excel desktop
 * is not available (scripts/start.js -> scripts/playground-server.js), the e2e tests build it once.
 *
 *   npx webpack --config webpack.playground.js [--mode production] [--output-path DIR]
 *
 * Output (default dist/playground/, git-ignored; `npm start` serves from memory instead):
 *   index.html     the page (src/playground/playground.html)
 *   playground.js  React + Fluent UI + the task pane + the in-memory Excel host + engine + GK.* core
 *   assets/        the icons the page and the task pane use
 *
 * No office.js, no CDN, no web fonts: every request the page makes goes to its own origin.
 * Fast builds: ts-loader transpileOnly (type checking is `npm run typecheck`'s job) and webpack's
 * filesystem cache (node_modules/.cache/webpack, one per mode), so rebuilds take a few seconds.
 * The samples (samples/*.csv) are read at build time and inlined as strings.
 */
"use strict";

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const ROOT = __dirname;

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || "development";
  const isProduction = mode === "production";
  return {
    mode,
    context: ROOT,
    devtool: isProduction ? false : "cheap-module-source-map",
    entry: { playground: "./src/playground/index.tsx" },
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : path.join(ROOT, "dist", "playground"),
      filename: "[name].js",
      publicPath: "",
      clean: true,
    },
    cache: {
      type: "filesystem",
      name: `playground-${mode}`,
      buildDependencies: { config: [__filename] },
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
              transpileOnly: true,
              compilerOptions: { sourceMap: !isProduction },
            },
          },
        },
        { test: /\.csv$/, type: "asset/source" },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/playground/playground.html",
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: "assets/*.png", to: "assets/[name][ext]", info: { minimized: true } }],
      }),
    ],
    performance: { hints: false },
    stats: "errors-warnings",
    infrastructureLogging: { level: "warn" },
  };
};
