// The code grammar (model/codes.ts) that every reader takes its codes from: the PDF readers, the
// repair of a raw table, the schema.
import { describe, expect, it } from "vitest";
import { CODE_PATTERN, isActivityCode, leadingCode, splitCoded } from "../pipeline/model/codes.ts";

describe("the code grammar", () => {
  it("finds the code a cell opens with only where a blank or the cell's end follows it", () => {
    expect(leadingCode("A1.1 PERFORMANCE CAMERALE")).toBe("A1.1");
    expect(leadingCode("C1.1.7b.1")).toBe("C1.1.7b.1");
    expect(leadingCode("G GESTIONE GENERALE DELL'ENTE")).toBe("G");
    expect(leadingCode("G")).toBe("G");
    expect(leadingCode("A1.1x")).toBe("A1.1x"); // a local variant
    expect(leadingCode("A1.1/A1.2")).toBeNull();
    expect(leadingCode("B1.1.1.1B1.1.1.1")).toBeNull();
    expect(leadingCode("Amministrazione")).toBeNull();
    expect(leadingCode("a1.1 minuscolo")).toBeNull();
  });

  it("splits a code from the title printed after it, a bare letter as well", () => {
    expect(splitCoded("A1.1 PERFORMANCE CAMERALE")).toEqual({ code: "A1.1", title: "PERFORMANCE CAMERALE" });
    expect(splitCoded("A1.1.1.1")).toEqual({ code: "A1.1.1.1", title: null });
    expect(splitCoded("G GESTIONE")).toEqual({ code: "G", title: "GESTIONE" });
    expect(splitCoded("A1.1\ntitolo su due\nrighe")).toEqual({ code: "A1.1", title: "titolo su due\nrighe" });
    expect(splitCoded("A1.1.1.1B1")).toBeNull();
    expect(splitCoded("Governo camerale")).toBeNull();
  });

  it("tells an activity code by its depth, and agrees with the schema's pattern", () => {
    for (const code of ["A1.1.1.1", "C1.1.7b.1", "Z1.1.1.12"]) {
      expect(isActivityCode(code)).toBe(true);
      expect(CODE_PATTERN.test(code)).toBe(true);
    }
    for (const code of ["A1.1.1", "G", "A1.1.1.1.1", "A1.1.1.1B1.1.1.1", "A1.1.1.x"]) expect(isActivityCode(code)).toBe(false);
    expect(CODE_PATTERN.test("A1.1.1.1B1.1.1.1")).toBe(false);
  });
});
