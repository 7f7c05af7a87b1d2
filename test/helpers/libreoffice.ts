// Headless LibreOffice for the tests and the fixture scripts: format conversion, and Basic macros
// that open a file, change it as a person would and save it, so that the files the tests read
// come from another producer. Every run has a profile folder of its own (parallel runs do not
// collide), and macros live in that profile's Standard library.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function soffice(args: readonly string[], profile: string): void {
  const r = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args], { encoding: "utf8", timeout: 300_000 });
  if (r.status !== 0) throw new Error(`soffice ${args.join(" ")} failed (${String(r.status)}): ${r.stderr}`);
}

/** Converts files with `soffice --convert-to <format>` into `outDir` (same base names, new extension). */
export function convert(files: readonly string[], format: string, outDir: string, profile: string): void {
  mkdirSync(outDir, { recursive: true });
  soffice(["--convert-to", format, "--outdir", outDir, ...files], profile);
}

const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** Puts a Basic module (its `Sub`s) in the profile's Standard library, creating the profile first. */
export function installMacros(profile: string, module: string, basic: string): void {
  soffice(["--terminate_after_init"], profile);
  const library = join(profile, "user", "basic", "Standard");
  mkdirSync(library, { recursive: true });
  writeFileSync(
    join(library, `${module}.xba`),
    `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n` +
      `<script:module xmlns:script="http://openoffice.org/2000/script" script:name="${module}" script:language="StarBasic">\n${xmlText(basic)}</script:module>\n`,
  );
  writeFileSync(
    join(library, "script.xlb"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">\n` +
      `<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">\n <library:element library:name="${module}"/>\n</library:library>\n`,
  );
}

/** Runs `Standard.<module>.<sub>(args…)`; the macro must end LibreOffice (StarDesktop.terminate). */
export function runMacro(profile: string, module: string, sub: string, args: readonly string[]): void {
  const quoted = args.map((a) => `"${a.replace(/"/g, '""')}"`).join(",");
  soffice([`macro:///Standard.${module}.${sub}(${quoted})`], profile);
}
