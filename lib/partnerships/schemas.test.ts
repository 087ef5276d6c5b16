import { describe, expect, it } from "vitest";
import { ZDeclineTieRaiseSchema, ZProposeTieRaiseSchema, nextTie, parseNetworkFilters } from "./schemas";

describe("nextTie", () => {
  it("goes one step up and stops at covalent", () => {
    expect(nextTie("WEAK")).toBe("DURABLE");
    expect(nextTie("DURABLE")).toBe("COVALENT");
    expect(nextTie("COVALENT")).toBeNull();
  });
});

describe("parseNetworkFilters", () => {
  it("reads known values and ignores the rest", () => {
    expect(parseNetworkFilters({ tie: "durable", country: "fr", ended: "1" })).toEqual({ tie: "DURABLE", country: "FR", includeEnded: true });
    expect(parseNetworkFilters({ tie: "STRONG", country: "XX", ended: "yes" })).toEqual({ tie: null, country: null, includeEnded: false });
    expect(parseNetworkFilters({ tie: ["COVALENT", "WEAK"], country: "x".repeat(10_000) })).toEqual({ tie: "COVALENT", country: null, includeEnded: false });
    expect(parseNetworkFilters(new URLSearchParams("country=DE"))).toEqual({ tie: null, country: "DE", includeEnded: false });
  });
});

describe("schemas", () => {
  const ref = { orgSlug: "cluster-a", partnershipId: "cm1abc" };
  it("requires a description of 10 to 1000 characters and a tie above weak", () => {
    expect(ZProposeTieRaiseSchema.safeParse({ ...ref, tie: "DURABLE", description: "  A real joint project  " }).data?.description).toBe("A real joint project");
    expect(ZProposeTieRaiseSchema.safeParse({ ...ref, tie: "DURABLE", description: "too short" }).error?.issues[0]?.message).toBe(
      "partnerships.description.tooShort",
    );
    expect(ZProposeTieRaiseSchema.safeParse({ ...ref, tie: "DURABLE", description: "x".repeat(1001) }).error?.issues[0]?.message).toBe(
      "partnerships.description.tooLong",
    );
    expect(ZProposeTieRaiseSchema.safeParse({ ...ref, tie: "WEAK", description: "A real joint project" }).success).toBe(false);
    expect(ZProposeTieRaiseSchema.safeParse({ ...ref, tie: "DURABLE", description: 42 }).success).toBe(false);
    expect(ZProposeTieRaiseSchema.safeParse({ ...ref, partnershipId: "../x", tie: "DURABLE", description: "A real joint project" }).success).toBe(false);
  });

  it("turns a blank reason into none", () => {
    expect(ZDeclineTieRaiseSchema.parse({ ...ref, reason: "   " }).reason).toBeUndefined();
    expect(ZDeclineTieRaiseSchema.parse(ref).reason).toBeUndefined();
    expect(ZDeclineTieRaiseSchema.safeParse({ ...ref, reason: "x".repeat(1001) }).success).toBe(false);
  });
});
