import { describe, expect, it } from "vitest";
import { assignableRoles, can, canManageMember, PERMISSIONS, ROLES, type Permission } from "./permissions";

// The expected table, written out by hand so a change to PERMISSIONS must be
// made twice on purpose.
const expected: Record<Permission, Record<(typeof ROLES)[number], boolean>> = {
  "org:read": { OWNER: true, ADMIN: true, EDITOR: true, MEMBER: true },
  "org:update": { OWNER: true, ADMIN: true, EDITOR: false, MEMBER: false },
  "org:delete": { OWNER: true, ADMIN: false, EDITOR: false, MEMBER: false },
  "members:read": { OWNER: true, ADMIN: true, EDITOR: true, MEMBER: true },
  "members:invite": { OWNER: true, ADMIN: true, EDITOR: false, MEMBER: false },
  "members:update-role": { OWNER: true, ADMIN: true, EDITOR: false, MEMBER: false },
  "members:remove": { OWNER: true, ADMIN: true, EDITOR: false, MEMBER: false },
  "members:manage-owners": { OWNER: true, ADMIN: false, EDITOR: false, MEMBER: false },
  "ownership:transfer": { OWNER: true, ADMIN: false, EDITOR: false, MEMBER: false },
  "audit:read": { OWNER: true, ADMIN: true, EDITOR: false, MEMBER: false },
  "profile:edit": { OWNER: true, ADMIN: true, EDITOR: true, MEMBER: false },
  "profile:submit": { OWNER: true, ADMIN: false, EDITOR: false, MEMBER: false },
  "requests:read": { OWNER: true, ADMIN: true, EDITOR: true, MEMBER: true },
  "requests:send": { OWNER: true, ADMIN: true, EDITOR: true, MEMBER: false },
};

describe("permission table", () => {
  it("covers every permission", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [permission, byRole] of Object.entries(expected)) {
    for (const role of ROLES) {
      it(`${role} ${byRole[role] ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission as Permission)).toBe(byRole[role]);
      });
    }
  }
});

describe("role assignment", () => {
  it("lets an owner give every role", () => {
    expect(assignableRoles("OWNER")).toEqual(["OWNER", "ADMIN", "EDITOR", "MEMBER"]);
  });
  it("never lets an admin make or touch an owner", () => {
    expect(assignableRoles("ADMIN")).not.toContain("OWNER");
    expect(canManageMember("ADMIN", "OWNER")).toBe(false);
    expect(canManageMember("ADMIN", "EDITOR")).toBe(true);
  });
  it("gives editors and members nothing to assign", () => {
    expect(assignableRoles("EDITOR")).toEqual([]);
    expect(assignableRoles("MEMBER")).toEqual([]);
    expect(canManageMember("MEMBER", "MEMBER")).toBe(false);
  });
});
