import { describe, expect, it } from "vitest";
import { wellFormedInput, wellFormedString } from "./well-formed";

describe("wellFormedInput", () => {
  it("drops NUL and replaces lone surrogates, keeping real pairs (emoji)", () => {
    expect(wellFormedString("a\u0000b")).toBe("ab");
    expect(wellFormedString("x\uD800y\uDFFFz")).toBe("x\uFFFDy\uFFFDz");
    expect(wellFormedString("👩‍🔬 e\u0301")).toBe("👩‍🔬 e\u0301");
  });

  it("walks plain objects and arrays, and leaves other values alone", () => {
    const file = new Blob(["x"]);
    const date = new Date(0);
    expect(wellFormedInput({ a: ["\u0000", { b: "\uD83D" }], file, date, n: 1 })).toEqual({ a: ["", { b: "\uFFFD" }], file, date, n: 1 });
    expect(wellFormedInput(undefined)).toBeUndefined();
  });

  it("stops walking at a depth no form reaches (no stack overflow on hostile nesting)", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => wellFormedInput(deep)).not.toThrow();
  });
});
