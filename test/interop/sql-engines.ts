/**
 * SQLite and PostgreSQL for the interop test, through their command-line clients (no npm package):
 * SQLite 3.40 via Debian's `sqlite3` (an in-memory database per query), and a throw-away PostgreSQL
 * cluster started on 127.0.0.1 by `startPostgres` (initdb + pg_ctl, as the `postgres` user when
 * run as root) and removed by `stop()`. Both return rows as objects, like `duckdb().query`.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Field } from "../../src/engine";
import type { Cell } from "./data";

function literal(f: Field, c: Cell): string {
  if (c === null) return "NULL";
  if (f.type === "number") return typeof c === "number" ? String(c) : "NULL";
  const s = typeof c === "string" ? c : String(c);
  return `'${s.replace(/'/g, "''")}'`;
}

function loadScript(table: string, fields: readonly Field[], rows: Cell[][], numberType: string): string {
  const cols = fields.map((f) => `"${f.key}" ${f.type === "number" ? numberType : "TEXT"}`);
  const values = rows.map((r, i) => `(${i}, ${fields.map((f, k) => literal(f, r[k])).join(", ")})`);
  return `DROP TABLE IF EXISTS "${table}";\nCREATE TABLE "${table}" ("row_id" INTEGER, ${cols.join(", ")});\n` + (values.length ? `INSERT INTO "${table}" VALUES ${values.join(",\n")};\n` : "");
}

/** The path of a command, or undefined. */
export function onPath(cmd: string): string | undefined {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

/** Loads the rows into an in-memory SQLite database and runs the query (JSON output mode). */
export function sqliteQuery(table: string, fields: readonly Field[], rows: Cell[][], sql: string): Record<string, unknown>[] {
  const script = `${loadScript(table, fields, rows, "REAL")}.mode json\n${sql};\n`;
  const out = execFileSync("sqlite3", [":memory:"], { input: script, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return out.trim() ? (JSON.parse(out) as Record<string, unknown>[]) : [];
}

export interface Postgres {
  query(table: string, fields: readonly Field[], rows: Cell[][], sql: string): Record<string, unknown>[];
  stop(): void;
}

const PG_BIN = ["/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"].find((d) => fs.existsSync(path.join(d, "initdb")));

/** Starts a throw-away cluster on 127.0.0.1 (trust auth, fsync off), or undefined when PostgreSQL is not installed. */
export function startPostgres(): Postgres | undefined {
  if (!PG_BIN) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gradekit-pg-"));
  const data = path.join(dir, "data");
  const root = process.getuid?.() === 0;
  if (root) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const as = (cmd: string, args: string[], input?: string) =>
    execFileSync(root ? "runuser" : cmd, root ? ["-u", "postgres", "--", cmd, ...args] : args, {
      encoding: "utf8",
      input,
      maxBuffer: 256 * 1024 * 1024,
      stdio: ["pipe", "pipe", "pipe"],
    });
  const port = String(20000 + (process.pid % 20000));
  as(path.join(PG_BIN, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  const opts = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off`;
  as(path.join(PG_BIN, "pg_ctl"), ["-D", data, "-l", path.join(dir, "log"), "-w", "-o", opts, "start"]);
  const psql = (script: string) => as(path.join(PG_BIN, "psql"), ["-h", "127.0.0.1", "-p", port, "-U", "postgres", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", "postgres"], script);
  return {
    query(table, fields, rows, sql) {
      const out = psql(`${loadScript(table, fields, rows, "DOUBLE PRECISION")}SELECT COALESCE(json_agg(q), '[]') FROM (${sql}) q;\n`);
      return JSON.parse(out.trim()) as Record<string, unknown>[];
    },
    stop() {
      try {
        as(path.join(PG_BIN, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
