// Headless LibreOffice for the tests and the fixture scripts: format conversion, and Basic macros
// that open a file, change it as a person would and save it, so that the files the tests read
// come from another producer. Every run has a profile folder of its own (parallel runs do not
// collide), and macros live in that profile's Standard library.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function soffice(args: readonly string[], profile: string, env?: NodeJS.ProcessEnv): void {
  const r = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args], { encoding: "utf8", timeout: 300_000, ...(env ? { env } : {}) });
  if (r.status !== 0) throw new Error(`soffice ${args.join(" ")} failed (${String(r.status)}): ${r.stderr}`);
}

/** Converts files with `soffice --convert-to <format>` into `outDir` (same base names, new extension). */
export function convert(files: readonly string[], format: string, outDir: string, profile: string, options: { env?: NodeJS.ProcessEnv; infilter?: string } = {}): void {
  mkdirSync(outDir, { recursive: true });
  soffice([...(options.infilter !== undefined ? [`--infilter=${options.infilter}`] : []), "--convert-to", format, "--outdir", outDir, ...files], profile, options.env);
}

/** A new profile whose locale (the formats of numbers and dates, the language) is `locale`, as a person's LibreOffice set to it. */
export function localeProfile(profile: string, locale: string): void {
  mkdirSync(join(profile, "user"), { recursive: true });
  const item = (name: string) => `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="${name}" oor:op="fuse"><value>${locale}</value></prop></item>`;
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n${item("ooSetupSystemLocale")}\n${item("ooLocale")}\n</oor:items>\n`,
  );
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
