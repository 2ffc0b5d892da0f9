/**
 * The CLI follows the terminal's language (LC_ALL, else LC_MESSAGES, else LANG) unless --lang is given.
 */
import { spawnSync } from "child_process";
import { langFromArgv, langFromEnv } from "../../src/cli/commands/args";
import { BIN, ensureBuilt, ROOT } from "./helpers";

beforeAll(() => ensureBuilt());

/** Runs the compiled CLI with exactly these locale variables (the others removed). */
function cliWithLocale(args: string[], locale: { LC_ALL?: string; LC_MESSAGES?: string; LANG?: string }) {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const k of ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]) delete env[k];
  Object.assign(env, locale);
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("langFromEnv / langFromArgv", () => {
  test.each([
    [{ LANG: "zh_CN.UTF-8" }, "zh-CN"],
    [{ LANG: "zh_TW.UTF-8" }, "zh-CN"],
    [{ LANG: "en_US.UTF-8" }, "en"],
    [{ LANG: "C.UTF-8" }, "en"],
    [{}, "en"],
    [{ LC_ALL: "zh_CN.UTF-8", LANG: "en_US.UTF-8" }, "zh-CN"],
    [{ LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" }, "en"],
    [{ LC_MESSAGES: "zh_CN.UTF-8", LANG: "en_US.UTF-8" }, "zh-CN"],
    [{ LC_ALL: "", LC_MESSAGES: "", LANG: "zh_CN.GB18030" }, "zh-CN"],
  ])("%j -> %s", (env, lang) => {
    expect(langFromEnv(env)).toBe(lang);
  });

  test("--lang wins over the environment", () => {
    expect(langFromArgv(["templates", "--lang", "en"], { LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(langFromArgv(["templates", "--lang=zh-CN"], { LC_ALL: "en_US.UTF-8" })).toBe("zh-CN");
    expect(langFromArgv(["templates"], { LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(langFromArgv(["templates"])).toBe("en");
  });
});

describe("gradekit in a Chinese terminal", () => {
  test("LANG=zh_CN.UTF-8: template list and messages in Chinese", () => {
    const list = cliWithLocale(["templates"], { LANG: "zh_CN.UTF-8" });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain("销售客户等级划分标准");
    expect(list.stdout).not.toContain("Sales pipeline A/B/C/D");
    const bad = cliWithLocale(["frobnicate"], { LANG: "zh_CN.UTF-8" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/未知命令/);
  });

  test("--lang en overrides LANG=zh_CN.UTF-8", () => {
    const r = cliWithLocale(["templates", "--lang", "en"], { LANG: "zh_CN.UTF-8" });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Sales pipeline A/B/C/D");
  });

  test("LC_ALL wins over LANG, both ways", () => {
    expect(cliWithLocale(["templates"], { LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" }).stdout).toContain(
      "Sales pipeline A/B/C/D",
    );
    expect(cliWithLocale(["templates"], { LC_ALL: "zh_CN.UTF-8", LANG: "en_US.UTF-8" }).stdout).toContain(
      "销售客户等级划分标准",
    );
  });

  test("help follows LANG too; an English or unset locale stays English", () => {
    expect(cliWithLocale(["help"], { LANG: "zh_CN.UTF-8" }).stdout).toMatch(/用评级模板/);
    expect(cliWithLocale(["help"], { LANG: "en_US.UTF-8" }).stdout).toMatch(/grade customers/);
    expect(cliWithLocale(["help"], {}).stdout).toMatch(/grade customers/);
  });
});
