// The static checks of `npm test`: the typecheck and the type-checked lint, run side by side
// (each is a single-threaded program; together they take the time of the longer one). Each
// one's output is printed whole when it ends, so the two never interleave; the exit status is
// non-zero if either fails.
import { spawn } from "node:child_process";

const checks = [
  ["typecheck", "tsc", ["--noEmit"]],
  ["lint", "eslint", ["."]],
];

function run([name, command, args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], shell: false, env: { ...process.env, PATH: `node_modules/.bin:${process.env.PATH ?? ""}` } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolve({ name, status: 1, output: `${error.message}\n` }));
    child.on("close", (status) => resolve({ name, status: status ?? 1, output }));
  });
}

let failed = false;
for (const { name, status, output } of await Promise.all(checks.map(run))) {
  process.stdout.write(`> ${name}: ${status === 0 ? "ok" : `failed (exit ${String(status)})`}\n${output}`);
  failed ||= status !== 0;
}
process.exit(failed ? 1 : 0);
