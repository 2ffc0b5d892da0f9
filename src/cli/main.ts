/**
 * The `gradekit` command line: dispatch to the commands. `run` works in-process (tests,
 * `npm start`); `main` is what bin/gradekit.js calls.
 */
import * as fs from "fs";
import * as path from "path";
import { checkCommand } from "./commands/check";
import { compileCommand } from "./commands/compile";
import { formCommand } from "./commands/form";
import { gradeCommand, gradeFile, printSummary } from "./commands/grade";
import { templatesCommand } from "./commands/templates";
import { reviewCommand } from "./commands/review";
import { summaryCommand } from "./commands/summary";
import { debugFromArgv, langFromArgv, type Env } from "./commands/args";
import { EXIT_CODE_OF, reportError } from "./exit";
import { helpText } from "./help";
import { fail, type CliIo } from "./messages";

export { gradeFile, printSummary, reportError };
export type { CliIo };

const COMMANDS: Record<string, (argv: string[], io: CliIo, lang: "en" | "zh-CN") => Promise<number>> = {
  grade: gradeCommand,
  templates: templatesCommand,
  check: checkCommand,
  compile: compileCommand,
  review: reviewCommand,
  summary: summaryCommand,
  form: formCommand,
};

function version(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** Streams of this process. */
export function processIo(): CliIo {
  return {
    out: (s) => void process.stdout.write(s),
    write: (s) => new Promise<void>((resolve) => (process.stdout.write(s) ? resolve() : process.stdout.once("drain", () => resolve()))),
    err: (s) => void process.stderr.write(s),
    isTTY: () => process.stderr.isTTY === true,
  };
}

/**
 * Runs the CLI with arguments (without `node` and the script); resolves to the exit code. The language is
 * `--lang`, else the one LC_ALL / LC_MESSAGES / LANG in `env` ask for (main() passes process.env), else English.
 * Every error ends here and is printed and mapped to its exit code by `reportError` (exit.ts).
 */
export async function run(argv: string[], io: CliIo = processIo(), env: Env = {}): Promise<number> {
  const lang = langFromArgv(argv, env);
  const debug = debugFromArgv(argv);
  try {
    // `gradekit --debug <command> ...` as well as `gradekit <command> ... --debug`.
    const [cmd, ...rest] = argv[0] === "--debug" ? argv.slice(1) : argv;
    if (cmd === undefined) {
      io.err(helpText(undefined, lang) + "\n\n");
      throw fail("noCommand", "usage");
    }
    if (cmd === "help" || cmd === "--help" || cmd === "-h") {
      const topic = rest.find((a) => !a.startsWith("-") && a !== "en" && !/^zh/i.test(a));
      const text = helpText(topic, lang);
      if (text === undefined) throw fail("unknownCommand", "usage", { cmd: topic ?? "" });
      io.out(text + "\n");
      return 0;
    }
    if (cmd === "--version" || cmd === "-v" || cmd === "version") {
      io.out(version() + "\n");
      return 0;
    }
    const command = Object.prototype.hasOwnProperty.call(COMMANDS, cmd) ? COMMANDS[cmd] : undefined;
    if (!command) throw fail("unknownCommand", "usage", { cmd });
    if (rest.includes("--help") || rest.includes("-h")) {
      io.out(helpText(cmd, lang) + "\n");
      return 0;
    }
    return await command(rest, io, lang);
  } catch (e) {
    return reportError(e, io, { lang, debug });
  }
}

/** Entry point for bin/gradekit.js. */
export function main(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  run(process.argv.slice(2), processIo(), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`gradekit: ${String(e)}\n`);
      process.exitCode = EXIT_CODE_OF.internal;
    },
  );
}
