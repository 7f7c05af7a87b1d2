// Where -o writes. A regular file is replaced whole (temporary file, then rename); anything else
// is written to as it is and never replaced: a symbolic link stays a link to the file it names,
// a device stays a device (as root, replacing /dev/null with a regular file was once possible),
// a FIFO stays a FIFO, and /dev/stdout is this process's stdout as the shell opened it.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { annex } from "./helpers/cli.ts";

const TEXT_LAYER = "test/fixtures/allegato-1-2020-2022.text-layer.txt";
const BIN = "bin/annex.js";
let dir: string;
let expectedCsv: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "annex-output-"));
  expectedCsv = (await annex(["export", TEXT_LAYER, "--format", "csv"])).stdout;
  expect(expectedCsv).toMatch(/^\uFEFFCodice,Attività,/);
});

describe("-o onto something that is not a plain regular file", () => {
  it("writes through a symbolic link: the link stays a link, the file it names gets the output", async () => {
    writeFileSync(join(dir, "published.csv"), "old\n");
    symlinkSync("published.csv", join(dir, "latest.csv"));
    const r = await annex(["export", TEXT_LAYER, "--format", "csv", "-o", join(dir, "latest.csv")]);
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(join(dir, "latest.csv")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "latest.csv"))).toBe("published.csv");
    expect(readFileSync(join(dir, "published.csv"), "utf8")).toBe(expectedCsv);
  });

  it("writes through a dangling symbolic link to the file it names", async () => {
    symlinkSync("to-be.csv", join(dir, "dangling.csv"));
    const r = await annex(["export", TEXT_LAYER, "--format", "csv", "-o", join(dir, "dangling.csv")]);
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(join(dir, "dangling.csv")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "to-be.csv"), "utf8")).toBe(expectedCsv);
  });

  it("writes to a device, which stays a device: a node of its own first, then /dev/null", async () => {
    // the node in the temporary folder comes first, so that a regression fails there and never
    // reaches /dev/null (as root, renaming over it would replace the machine's /dev/null)
    const node = join(dir, "null");
    execFileSync("mknod", [node, "c", "1", "3"]);
    for (const device of [node, "/dev/null"]) {
      const before = statSync(device);
      expect(before.isCharacterDevice()).toBe(true);
      const r = await annex(["export", TEXT_LAYER, "--format", "csv", "-o", device]);
      expect(r.status, r.stderr).toBe(0);
      const after = lstatSync(device);
      expect(after.isCharacterDevice()).toBe(true);
      expect([after.ino, after.rdev]).toEqual([before.ino, before.rdev]);
    }
    expect(readdirSync("/dev").filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("writes into a FIFO, which stays a FIFO, and its reader gets the whole output", async () => {
    const fifo = join(dir, "pipe.csv");
    execFileSync("mkfifo", [fifo]);
    // a reader with a time limit: were the FIFO replaced by a file, it would wait for ever
    const reader = spawn("timeout", ["20", "cat", fifo], { stdio: ["ignore", "pipe", "ignore"] });
    let received = "";
    reader.stdout.setEncoding("utf8").on("data", (chunk: string) => (received += chunk));
    const closed = new Promise<number | null>((done) => reader.on("close", done));
    const r = await annex(["export", TEXT_LAYER, "--format", "csv", "-o", fifo]);
    expect(r.status, r.stderr).toBe(0);
    expect(await closed).toBe(0);
    expect(received).toBe(expectedCsv);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it.each([
    ["/dev/stdout", "a link to /dev/stdout"],
    ["/proc/self/fd/1", "/proc/self/fd/1"],
  ])("appends to stdout as the shell opened it (>> keeps what is there), through %s", (target, what) => {
    // through a link of our own: a regression would replace the link, never the machine's /dev/stdout
    const link = join(dir, `stdout-${what.length}`);
    symlinkSync(target, link);
    const log = join(dir, `log-${what.length}.csv`);
    writeFileSync(log, "kept\n");
    const shell = `"${process.execPath}" ${BIN} export ${TEXT_LAYER} --format csv -o "${link}" >> "${log}" 2>/dev/null`;
    const r = spawnSync("bash", ["-c", shell], { encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(readFileSync(log, "utf8")).toBe(`kept\n${expectedCsv}`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it("fails with one line naming the device when it is full (-o /dev/full), exit 2: a node of its own first, then /dev/full", async () => {
    const node = join(dir, "full");
    execFileSync("mknod", [node, "c", "1", "7"]);
    for (const device of [node, "/dev/full"]) {
      const r = await annex(["export", TEXT_LAYER, "--format", "csv", "-o", device]);
      expect(lstatSync(device).isCharacterDevice()).toBe(true);
      expect(r.status).toBe(2);
      expect(r.stderr.split("\n").filter((line) => line.startsWith("annex:"))).toEqual([`annex: ${device}: cannot write: no space left on device`]);
    }
  });

  it("refuses a folder with one line, and leaves it as it was", async () => {
    const r = await annex(["export", TEXT_LAYER, "-o", dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/annex: .*annex-output-[^:]*: cannot write: it is a folder, not a file\n$/);
    expect(existsSync(join(dir, "latest.csv"))).toBe(true);
  });
});
