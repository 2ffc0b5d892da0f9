/*
 * jest setupFiles: the `gradekit` CLI follows LC_ALL / LC_MESSAGES / LANG, and the suites that spawn it
 * expect English unless they pass --lang. On a Chinese terminal (zh_CN.UTF-8) those variables are set
 * to C.UTF-8 for the test processes; test/cli/lang-env.test.ts sets them explicitly where it tests them.
 */
for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
  if (/^zh/i.test(process.env[name] ?? "")) process.env[name] = "C.UTF-8";
}
