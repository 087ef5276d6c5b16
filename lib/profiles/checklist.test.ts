import { describe, expect, it } from "vitest";
import { evaluateChecklist, type ChecklistInput } from "./checklist";

const complete: ChecklistInput = {
  managementFte: 2,
  membersSme: 30,
  membersLarge: 2,
  membersResearch: 3,
  membersUniversity: 1,
  membersPublic: 0,
  membersOther: 0,
  website: "https://cluster.example",
  supportProgrammes: "",
};

describe("ECCP checklist", () => {
  it("passes a cluster that meets every criterion", () => {
    const result = evaluateChecklist(complete);
    expect(result.meetsCriteria).toBe(true);
    expect(result.items.filter((i) => i.item !== "supportProgramme").every((i) => i.met)).toBe(true);
  });

  it.each([
    ["too little management", { managementFte: 0.4 }, "managementFte"],
    ["fewer than 15 members", { membersSme: 8, membersLarge: 2, membersResearch: 3, membersUniversity: 1 }, "members"],
    ["only one kind of member", { membersLarge: 0, membersResearch: 0, membersUniversity: 0 }, "memberKinds"],
    ["no website", { website: null }, "website"],
  ] as const)("fails with %s", (_name, change, item) => {
    const result = evaluateChecklist({ ...complete, ...change });
    expect(result.meetsCriteria).toBe(false);
    expect(result.items.find((i) => i.item === item)?.met).toBe(false);
  });

  it("lets a support programme stand in for the criteria", () => {
    const result = evaluateChecklist({ ...complete, managementFte: 0, website: null, supportProgrammes: "MSME Cluster Development Programme" });
    expect(result.meetsCriteria).toBe(true);
  });
});
