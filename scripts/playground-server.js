#!/usr/bin/env node
/**
 * The GradeKit playground server (webpack.playground.js), on localhost only.
 *
 *   node scripts/playground-server.js            build + serve from memory with live reload (what `npm start` runs without Excel)
 *   node scripts/playground-server.js --static   build to dist/playground/ once, then serve those files
 *
 * Port: GRADEKIT_PLAYGROUND_PORT (default 3100). The server listens on the loopback interface only
 * (localhost: 127.0.0.1 and, where it exists, ::1), never on the network.
 *
 * Also a library for the tests: buildPlayground({ outputPath }) and serveStatic(dir, { port }).
 */
"use strict";

const fs = require("fs");
const http = require("http");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const DEFAULT_PORT = 3100;

/** The port from GRADEKIT_PLAYGROUND_PORT, else 3100. */
function playgroundPort(env = process.env) {
  const raw = env.GRADEKIT_PLAYGROUND_PORT;
  if (raw === undefined || raw === "") return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`GRADEKIT_PLAYGROUND_PORT must be a port number (0-65535), got ${JSON.stringify(raw)}`);
  }
  return port;
}

function webpackConfig(mode, outputPath) {
  const make = require(path.join(ROOT, "webpack.playground.js"));
  return make(outputPath ? { outputPath } : {}, { mode });
}

function compileErrors(stats) {
  const info = stats.toJson({ all: false, errors: true, errorDetails: false });
  return (info.errors || []).map((e) => (typeof e === "string" ? e : e.message)).join("\n\n");
}

/** Builds the playground into `outputPath` (default dist/playground). Resolves with the output directory. */
function buildPlayground({ outputPath, mode = "development" } = {}) {
  const webpack = require("webpack");
  const config = webpackConfig(mode, outputPath);
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((err, stats) => {
      compiler.close((closeErr) => {
        if (err || closeErr) return reject(err || closeErr);
        if (stats.hasErrors()) return reject(new Error(`playground build failed:\n${compileErrors(stats)}`));
        resolve(config.output.path);
      });
    });
  });
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".ico": "image/x-icon",
};

/** Listens on 127.0.0.1 and (if the machine has it) ::1 with the same port. Resolves with { port, close }. */
async function listenOnLoopback(handler, port) {
  const servers = [];
  const listen = (host, p) =>
    new Promise((resolve, reject) => {
      const server = http.createServer(handler);
      server.once("error", reject);
      server.listen(p, host, () => {
        server.off("error", reject);
        servers.push(server);
        resolve(server.address().port);
      });
    });
  const actual = await listen("127.0.0.1", port);
  try {
    await listen("::1", actual);
  } catch {
    // no IPv6 loopback here: 127.0.0.1 is enough (browsers fall back from ::1)
  }
  return {
    port: actual,
    close: () => Promise.all(servers.map((s) => new Promise((r) => (s.closeAllConnections?.(), s.close(() => r()))))),
  };
}

/** Serves the files of `dir` (GET/HEAD only; `/` is index.html) on localhost. */
function serveStatic(dir, { port = 0 } = {}) {
  const base = path.resolve(dir);
  return listenOnLoopback((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.endsWith("/")) pathname += "index.html";
    const file = path.resolve(base, `.${pathname}`);
    if (!file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
        "Content-Length": body.length,
        "Cache-Control": "no-store",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    });
  }, port);
}

/** webpack-dev-server from memory, live reload, localhost only. Resolves with { port, close } after the first build. */
async function startDevServer({ port = playgroundPort() } = {}) {
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const compiler = webpack(webpackConfig("development"));
  const firstBuild = new Promise((resolve) => compiler.hooks.done.tap("gradekit-playground", (stats) => resolve(stats)));
  const server = new WebpackDevServer(
    {
      host: "localhost",
      port,
      allowedHosts: "auto",
      static: false,
      hot: false,
      liveReload: true,
      open: false,
      compress: false,
      client: { logging: "warn", overlay: { errors: true, warnings: false } },
      devMiddleware: { stats: "errors-warnings" },
    },
    compiler,
  );
  await server.start();
  const stats = await firstBuild;
  if (stats.hasErrors()) console.error(`[gradekit] the playground build has errors:\n${compileErrors(stats)}`);
  const actual = server.server && server.server.address() ? server.server.address().port : port;
  return { port: actual, close: () => server.stop() };
}

async function main() {
  const port = playgroundPort();
  const staticMode = process.argv.includes("--static");
  let served;
  try {
    if (staticMode) {
      console.log("GradeKit playground: building…");
      const dir = await buildPlayground({});
      served = await serveStatic(dir, { port });
    } else {
      console.log("GradeKit playground: building (webpack, a few seconds)…");
      served = await startDevServer({ port });
    }
  } catch (e) {
    if (e && e.code === "EADDRINUSE") {
      console.error(`GradeKit playground: port ${port} is in use. Choose another one: GRADEKIT_PLAYGROUND_PORT=3101 npm start`);
    } else {
      console.error(`GradeKit playground: could not start: ${e && e.stack ? e.stack : e}`);
    }
    process.exit(1);
  }
  console.log(`GradeKit playground: http://localhost:${served.port}/  (Ctrl+C to stop)`);
  const stop = () => {
    Promise.resolve(served.close()).finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (require.main === module) void main();

module.exports = { buildPlayground, serveStatic, startDevServer, playgroundPort, DEFAULT_PORT };
