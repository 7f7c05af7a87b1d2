// What the package says of itself, checked against what it is: publiccode.yml against the
// publiccode.yml standard (test/helpers/publiccode.ts, itself checked on the standard's own
// examples) and against package.json; the license; the changelog's version; the Node versions
// `engines` declares against every package the lockfile installs; and the split between the
// packages the bundle carries (development dependencies) and those it loads from node_modules
// (the package's dependencies).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { minVersion, satisfies, subset } from "semver";
import { describe, expect, it } from "vitest";
import { BUNDLED } from "../scripts/bundle.js";
import { MANIFEST, ROOT } from "../scripts/fresh-bundle.js";
import { publiccodeProblems } from "./helpers/publiccode.ts";

interface Package {
  version: string;
  license: string;
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Package;
const yaml = (path: string): unknown => load(readFileSync(join(ROOT, path), "utf8"));
const clone = <T>(value: T): T => structuredClone(value);

describe("publiccode.yml", () => {
  it("the check finds nothing wrong in the standard's own examples, and finds what is broken in copies of them", () => {
    const example = yaml("test/fixtures/publiccode/standard-example.yml") as Record<string, unknown> & { maintenance: Record<string, unknown>; description: { en: Record<string, unknown> } };
    expect(publiccodeProblems(example)).toEqual([]);
    expect(publiccodeProblems(yaml("test/fixtures/publiccode/standard-minimal.yml"))).toEqual([]);
    const broken = clone(example);
    delete broken.legal;
    broken.developmentStatus = "finished";
    broken.maintenance.contractors = undefined;
    broken.description.en.shortDescription = "x".repeat(151);
    broken.categories = ["anticorruption"];
    expect(publiccodeProblems(broken)).toEqual([
      'categories: "anticorruption" is not one of the standard\'s values',
      'developmentStatus: "finished" is not one of concept, development, beta, stable, obsolete',
      "description/en/shortDescription: 151 characters, more than 150",
      "legal: missing (mandatory)",
      "maintenance/contractors: missing (mandatory for a contract)",
    ]);
  });

  it("is valid against the standard but for the two keys only the publishing body can give (the repository's url, the maintenance), which its header says", () => {
    const text = readFileSync(join(ROOT, "publiccode.yml"), "utf8");
    expect(publiccodeProblems(load(text))).toEqual(["url: missing (mandatory)", "maintenance: missing (mandatory)"]);
    expect(text).toMatch(/`url` \(the address of the public repository\) and `maintenance`/);
  });

  it("describes the software in Italian and in English, with the version and license of package.json and the Node it needs", () => {
    const doc = yaml("publiccode.yml") as { softwareVersion: string; description: Record<string, unknown>; legal: { license: string }; dependsOn: { open: { name: string; versionMin: string }[] } };
    expect(Object.keys(doc.description).sort()).toEqual(["en", "it"]);
    expect(doc.softwareVersion).toBe(pkg.version);
    expect(doc.legal.license).toBe(pkg.license);
    expect(doc.dependsOn.open).toContainEqual({ name: "Node.js", versionMin: pkg.engines.node.replace(/^>=/, "") });
  });
});

describe("LICENSE and CHANGELOG.md", () => {
  it("LICENSE is the license package.json names", () => {
    expect(pkg.license).toBe("MIT");
    expect(readFileSync(join(ROOT, "LICENSE"), "utf8")).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} .+\n\nPermission is hereby granted, free of charge/);
  });

  it("the changelog's latest section is the version `annex --version` prints", () => {
    const [first] = readFileSync(join(ROOT, "CHANGELOG.md"), "utf8").match(/^## .+$/m) ?? [];
    expect(first).toMatch(new RegExp(`^## ${pkg.version.replaceAll(".", "\\.")}( |$)`));
  });
});

describe("engines", () => {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean; optional?: boolean; engines?: { node?: string } | string[] }> };
  const name = (path: string) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
  const nodeRange = (entry: { engines?: { node?: string } | string[] }) => (Array.isArray(entry.engines) ? undefined : entry.engines?.node);

  it("every package an install of the package runs, and every package compiled into its bundle, accepts every Node version package.json declares", () => {
    const refused = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = nodeRange(entry);
      const runs = path !== "" && (entry.dev !== true || BUNDLED.has(name(path)));
      return runs && range !== undefined && !subset(pkg.engines.node, range) ? [`${name(path)}: node ${range}`] : [];
    });
    expect(refused).toEqual([]);
  });

  it("every package the checkout installs (the development tools too) runs on the lowest Node version declared", () => {
    const lowest = minVersion(pkg.engines.node)?.version ?? "";
    expect(lowest).toBe("20.19.0");
    const refused = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = nodeRange(entry);
      return path !== "" && entry.optional !== true && range !== undefined && !satisfies(lowest, range) ? [`${name(path)}: node ${range}`] : [];
    });
    expect(refused).toEqual([]);
  });
});

describe("dependencies", () => {
  it("the packages compiled into the bundle are development dependencies; those it loads from node_modules are the dependencies", () => {
    for (const bundled of BUNDLED) {
      expect(pkg.devDependencies, bundled).toHaveProperty([bundled]);
      expect(pkg.dependencies, bundled).not.toHaveProperty([bundled]);
    }
    const manifest = JSON.parse(readFileSync(join(ROOT, "dist", MANIFEST), "utf8")) as { externals: string[] };
    // pdfmake is loaded with require() (render/pdf/engine.ts), which the bundler does not list
    expect([...manifest.externals, "pdfmake"].sort()).toEqual(Object.keys(pkg.dependencies).sort());
    for (const tool of ["tsx", "esbuild"]) expect(pkg.devDependencies).toHaveProperty([tool]);
  });
});
