/**
 * No file lost: every writing command refuses an output that is one of its inputs however it is
 * spelled (symlink, hard link, case variant, `dir/../file`), refuses an existing output without
 * `--force` (exit 5, naming the file; the file unchanged), and writes through a temporary file
 * renamed into place, so a killed run leaves the old output intact or absent, never partial.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { EXIT_CODE_OF } from "../../src/cli/exit";
import { BIN, cli, ensureBuilt, SAMPLES, tempDir } from "./helpers";

beforeAll(() => ensureBuilt());

const dir = tempDir("outsafe");
const EXIT_OUTPUT = EXIT_CODE_OF.output;
const SAME = /--out is the same file as --in/;
const EXISTS = /already exists: add --force to replace it/;
const ORDERS = path.join(SAMPLES, "orders", "rfm-8-orders.csv");
const REMEMBER = path.join(SAMPLES, "remember");

function setUp(): Record<"csv" | "xlsx" | "prev" | "cur" | "tpl" | "orders" | "period" | "month" | "month2", string> {
  const csv = path.join(dir, "in.csv");
  const xlsx = path.join(dir, "in.xlsx");
  fs.copyFileSync(path.join(SAMPLES, "spend-5.csv"), csv);
  fs.copyFileSync(path.join(SAMPLES, "spend-5.xlsx"), xlsx);
  const prev = path.join(dir, "prev.csv");
  const cur = path.join(dir, "cur.csv");
  fs.writeFileSync(prev, "id,grade\n1,A\n2,B\n");
  fs.writeFileSync(cur, "id,grade\n1,B\n2,B\n");
  const orders = path.join(dir, "orders.csv");
  fs.copyFileSync(ORDERS, orders);
  const period = path.join(dir, "period.csv");
  fs.copyFileSync(path.join(REMEMBER, "2025-Q1.csv"), period);
  const month = path.join(dir, "month1.csv");
  const month2 = path.join(dir, "month2.csv");
  fs.writeFileSync(month, "id,purchaseQty,lawGrade\nx,30,A\ny,10,B\n");
  fs.writeFileSync(month2, "id,purchaseQty,lawGrade\nx,32,A\ny,9,B\n");
  const tpl = path.join(dir, "tpl.json");
  const exported = cli(["templates", "--export", "spend-5"]);
  expect(exported.code).toBe(0);
  fs.writeFileSync(tpl, exported.stdout);
  return { csv, xlsx, prev, cur, tpl, orders, period, month, month2 };
}
const files = setUp();

/** A writing command given an output path; `input` is the file the output must never replace. */
interface Writer {
  name: string;
  ext: string;
  input: string;
  args(out: string): string[];
}
const WRITERS: Writer[] = [
  { name: "grade csv->csv", ext: ".csv", input: files.csv, args: (o) => ["grade", "-t", "spend-5", "--in", files.csv, "--out", o, "-q"] },
  { name: "grade xlsx->xlsx", ext: ".xlsx", input: files.xlsx, args: (o) => ["grade", "-t", "spend-5", "--in", files.xlsx, "--out", o, "-q"] },
  { name: "grade (template file)", ext: ".csv", input: files.tpl, args: (o) => ["grade", "-t", files.tpl, "--in", files.csv, "--out", o, "-q"] },
  { name: "review csv", ext: ".csv", input: files.cur, args: (o) => ["review", "-p", files.prev, "-c", files.cur, "-k", "id", "-o", o, "-q"] },
  { name: "review xlsx", ext: ".xlsx", input: files.prev, args: (o) => ["review", "-p", files.prev, "-c", files.cur, "-k", "id", "-o", o, "-q"] },
  { name: "form", ext: ".xlsx", input: files.tpl, args: (o) => ["form", files.tpl, "--out", o, "-q"] },
  { name: "summary csv", ext: ".csv", input: files.cur, args: (o) => ["summary", "--in", files.prev, files.cur, "--by", "id", "-o", o, "-q"] },
  { name: "summary xlsx", ext: ".xlsx", input: files.prev, args: (o) => ["summary", "--in", files.prev, files.cur, "--by", "id", "-o", o, "-q"] },
  { name: "grade --orders", ext: ".csv", input: files.orders, args: (o) => ["grade", "--orders", "-t", "rfm-8", "--in", files.orders, "--out", o, "-q"] },
  {
    name: "review --rules tobacco-supply",
    ext: ".csv",
    input: files.month,
    args: (o) => ["review", "--rules", "tobacco-supply", "--periods", files.month, files.month2, "--key", "id", "-o", o, "-q"],
  },
  {
    name: "review --rules (held grades)",
    ext: ".csv",
    input: files.period,
    args: (o) => ["review", "--rules", path.join(REMEMBER, "telecom-star.json"), files.period, "--key", "phone", "-o", o, "-q"],
  },
];

const bytesOf = (f: string) => fs.readFileSync(f);

describe.each(WRITERS)("$name", (w) => {
  const before = () => bytesOf(w.input);

  test("an output that is a symlink to the input is refused; the input is unchanged", () => {
    const was = before();
    const link = path.join(dir, `sym-${w.name.replace(/\W+/g, "_")}${w.ext}`);
    fs.rmSync(link, { force: true });
    fs.symlinkSync(w.input, link);
    const r = cli(w.args(link));
    expect(r.code).toBe(EXIT_OUTPUT);
    expect(r.stderr).toMatch(SAME);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(bytesOf(w.input).equals(was)).toBe(true);
  });

  test("an output that is a hard link to the input is refused; the input is unchanged", () => {
    const was = before();
    const link = path.join(dir, `hard-${w.name.replace(/\W+/g, "_")}${w.ext}`);
    fs.rmSync(link, { force: true });
    fs.linkSync(w.input, link);
    const r = cli(w.args(link));
    expect(r.code).toBe(EXIT_OUTPUT);
    expect(r.stderr).toMatch(SAME);
    expect(bytesOf(w.input).equals(was)).toBe(true);
  });

  test("an output spelled dir/../input is refused", () => {
    const was = before();
    if (path.extname(w.input) !== w.ext) return; // the command cannot name this input as its output
    const r = cli(w.args(path.join(dir, "sub", "..", path.basename(w.input))));
    expect(r.code).toBe(EXIT_OUTPUT);
    expect(r.stderr).toMatch(SAME);
    expect(bytesOf(w.input).equals(was)).toBe(true);
  });

  test("a case variant of the input's name: refused on a case-insensitive file system, a separate file otherwise", () => {
    const was = before();
    if (path.extname(w.input) !== w.ext) return;
    const variant = path.join(dir, path.basename(w.input).toUpperCase().replace(/\.[A-Z]+$/, w.ext));
    const caseInsensitive = fs.existsSync(variant) && fs.statSync(variant).ino === fs.statSync(w.input).ino;
    const r = cli(w.args(variant));
    if (caseInsensitive) {
      expect(r.code).toBe(EXIT_OUTPUT);
      expect(r.stderr).toMatch(SAME);
    } else {
      expect(r.code).toBe(0);
      expect(fs.existsSync(variant)).toBe(true);
      fs.rmSync(variant);
    }
    expect(bytesOf(w.input).equals(was)).toBe(true);
  });

  test("an existing output is refused without --force, naming the file and --force; its bytes are unchanged", () => {
    const out = path.join(dir, `exists-${w.name.replace(/\W+/g, "_")}${w.ext}`);
    const OLD = Buffer.from("an earlier output, kept\n");
    fs.writeFileSync(out, OLD);
    const r = cli(w.args(out));
    expect(r.code).toBe(EXIT_OUTPUT);
    expect(r.stderr).toMatch(EXISTS);
    expect(r.stderr).toContain(out);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(bytesOf(out).equals(OLD)).toBe(true);
    // --force replaces it (a new file renamed into place); an input is still refused with --force.
    const forced = cli([...w.args(out), "--force"]);
    expect(forced.code).toBe(0);
    expect(bytesOf(out).equals(OLD)).toBe(false);
    const was = before();
    const link = path.join(dir, `forced-${w.name.replace(/\W+/g, "_")}${w.ext}`);
    fs.rmSync(link, { force: true });
    fs.symlinkSync(w.input, link);
    const over = cli([...w.args(link), "--force"]);
    expect(over.code).toBe(EXIT_OUTPUT);
    expect(over.stderr).toMatch(SAME);
    expect(bytesOf(w.input).equals(was)).toBe(true);
  });

  test("writes leave no temporary file behind", () => {
    const out = path.join(dir, `ok-${w.name.replace(/\W+/g, "_")}${w.ext}`);
    const r = cli(w.args(out));
    expect(r.code).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(0);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

test("with --force an existing output is replaced whole (documented rule), through a rename", () => {
  const out = path.join(dir, "replace.csv");
  fs.writeFileSync(out, "old contents that are longer than nothing\n".repeat(1000));
  const inode = fs.statSync(out).ino;
  expect(cli(["grade", "-t", "spend-5", "--in", files.csv, "--out", out, "-q", "--force"]).code).toBe(0);
  const text = fs.readFileSync(out, "utf8");
  expect(text).not.toMatch(/old contents/);
  expect(text).toMatch(/grade/);
  expect(fs.statSync(out).ino).not.toBe(inode); // a new file renamed into place, not truncated
});

test("a run killed while writing leaves the old output intact or a complete new one, never a partial file", async () => {
  // A CSV big enough that writing takes a while.
  const big = path.join(dir, "big.csv");
  const lines = ["会员姓名,年消费额"];
  for (let i = 0; i < 200_000; i++) lines.push(`c${i},${(i * 7919) % 900000}`);
  fs.writeFileSync(big, lines.join("\n") + "\n");
  const out = path.join(dir, "killed.csv");
  const OLD = "old output\n";
  const delays = [50, 300, 700, 1200, 2000];
  for (const ms of delays) {
    fs.writeFileSync(out, OLD);
    const child = spawn(process.execPath, [BIN, "grade", "-t", "spend-5", "--in", big, "--out", out, "-q", "--force"], { stdio: "ignore" });
    const exited = new Promise((r) => child.on("exit", r));
    await new Promise((r) => setTimeout(r, ms));
    child.kill("SIGKILL");
    await exited;
    const text = fs.readFileSync(out, "utf8");
    if (text !== OLD) {
      const rows = text.replace(/^\uFEFF/, "").trimEnd().split("\n");
      expect(rows.length).toBe(200_001);
      expect(rows[200_000]).toMatch(/^c199999,/);
    }
  }
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))) fs.rmSync(path.join(dir, f)); // SIGKILL cannot clean up
}, 120_000);
