// What a person reads is words, never an operating system's error code, and a name written in a
// label template is looked up among the values given, never among an object's inherited names.
import { describe, expect, it } from "vitest";
import { describeErrno } from "../pipeline/app/files.ts";
import { paramText } from "../pipeline/messages/catalogue.ts";
import { fill } from "../pipeline/render/labels.ts";

describe("the operating system's errors", () => {
  it.each(["ENOSPC", "EFBIG", "EACCES", "ELOOP", "ENAMETOOLONG", "EIO", "ESOMETHINGNEW", "constructor", "toString"])("%s is described in words, without its code", (code) => {
    for (const lang of ["en", "it"] as const) {
      const words = paramText(describeErrno(code), lang);
      expect(words).not.toContain(code);
      expect(words).not.toMatch(/\bE[A-Z]{2,}\b/);
      expect(words).toMatch(/^[a-z]/);
    }
    expect(paramText(describeErrno("ENOSPC"), "it")).toBe("spazio esaurito sul disco");
  });
});

describe("label templates", () => {
  it("fill only the names given: {constructor} stays as written, like any unknown name", () => {
    expect(fill("{count} attività {constructor} {toString}", { count: 3 })).toBe("3 attività {constructor} {toString}");
  });
});
