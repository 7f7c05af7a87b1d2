// Output that cannot be written whole: a full device, a file-size limit (ulimit -f). The command
// ends with exit 2 and one line that names what it could not write, never with a stack trace,
// never with exit 0 over a truncated file. These run as real processes: the shell's redirection
// and limits are the subject.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const TEXT_LAYER = "test/fixtures/allegato-1-2020-2022.text-layer.txt";
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "annex-stdout-"));
});

/** `annex <args>` in bash after `setup` (a ulimit, say), with its stdout redirected as `redirect` says. */
function inShell(setup: string, args: string, redirect: string): { status: number | null; stderr: string } {
  const command = `${setup}; exec "${process.execPath}" bin/annex.js ${args} ${redirect} 2>"${join(dir, "stderr")}"`;
  const r = spawnSync("bash", ["-c", command], { encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stderr: readFileSync(join(dir, "stderr"), "utf8") };
}

/** The lines the command wrote about the failure (the data summary line aside). */
const failures = (stderr: string) => stderr.split("\n").filter((line) => line.startsWith("annex:"));

describe("writing the output when it cannot go whole", () => {
  it("stdout on a full device (> /dev/full): exit 2, one line, no stack trace", () => {
    const r = inShell(":", `export ${TEXT_LAYER}`, "> /dev/full");
    expect(r.status).toBe(2);
    expect(failures(r.stderr)).toEqual(["annex: stdout: cannot write: no space left on device"]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("stdout to a file under a file-size limit (ulimit -f): exit 2, not a truncated file with exit 0", () => {
    const out = join(dir, "limited.json");
    const r = inShell("ulimit -f 10", `export ${TEXT_LAYER}`, `> "${out}"`);
    expect(r.status).toBe(2);
    expect(failures(r.stderr)).toEqual(["annex: stdout: cannot write: the file would be larger than this system allows (a file-size limit, ulimit -f)"]);
    expect(statSync(out).size).toBeLessThanOrEqual(10 * 1024);
  });

  it("-o under a file-size limit: exit 2 naming the file (not its temporary file, not EFBIG), the previous file kept whole", () => {
    const out = join(dir, "kept.json");
    writeFileSync(out, "the previous edition\n");
    const r = inShell("ulimit -f 10", `export ${TEXT_LAYER} -o "${out}"`, "");
    expect(r.status).toBe(2);
    expect(failures(r.stderr)).toEqual([`annex: ${out}: cannot write: the file would be larger than this system allows (a file-size limit, ulimit -f)`]);
    expect(r.stderr).not.toMatch(/\.tmp|EFBIG/);
    expect(readFileSync(out, "utf8")).toBe("the previous edition\n");
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("render under a file-size limit: exit 2 naming the output folder (not its staging folder, not EFBIG), nothing published", () => {
    const out = join(dir, "published");
    // the CSV (84 KB) is written whole, the HTML (226 KB) is over the limit: nothing is
    // published, not even the CSV (the PDF is left out: it would only make the run longer)
    const r = inShell("ulimit -f 100", `render ${TEXT_LAYER} --format csv,html --out "${out}"`, "");
    expect(r.status).toBe(2);
    expect(failures(r.stderr).at(-1)).toBe(`annex: ${out}: cannot write: the file would be larger than this system allows (a file-size limit, ulimit -f)`);
    expect(readdirSync(dir).filter((name) => name.startsWith("."))).toEqual([]);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it("-o under a file-size limit onto a new file: exit 2 and no file at all", () => {
    const out = join(dir, "new.json");
    const r = inShell("ulimit -f 10", `export ${TEXT_LAYER} -o "${out}"`, "");
    expect(r.status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
