import { describe, expect, it } from "vitest";
import { parseRequestFilters } from "./list-params";

describe("parseRequestFilters", () => {
  it("reads the box and filters from the URL", () => {
    expect(parseRequestFilters({ box: "sent", status: "OPEN", kind: "EVENT", country: "fr" })).toEqual({
      box: "sent",
      status: "OPEN",
      kind: "EVENT",
      country: "FR",
    });
    expect(parseRequestFilters(new URLSearchParams("status=EXPIRED&status=OPEN"))).toEqual({ box: "inbox", status: "EXPIRED", kind: undefined, country: undefined });
  });

  it("ignores anything unknown, so a stale or hand-edited URL still shows the inbox", () => {
    expect(parseRequestFilters({ box: "trash", status: "LOST", kind: ["x"], country: "France" })).toEqual({
      box: "inbox",
      status: undefined,
      kind: undefined,
      country: undefined,
    });
    expect(parseRequestFilters({ status: "open", kind: "x".repeat(10_000), country: "../" })).toEqual({
      box: "inbox",
      status: undefined,
      kind: undefined,
      country: undefined,
    });
  });
});
