/**
 * The one table that says which organisation role may do what.
 * Code asks `can(role, "members:invite")`; no role name is compared anywhere else.
 */
export const ROLES = ["OWNER", "ADMIN", "EDITOR", "MEMBER"] as const;
export type Role = (typeof ROLES)[number];

const ALL = ROLES;
const MANAGERS = ["OWNER", "ADMIN"] as const;
const EDITORS = ["OWNER", "ADMIN", "EDITOR"] as const;
const OWNERS = ["OWNER"] as const;

export const PERMISSIONS = {
  "org:read": ALL,
  "org:update": MANAGERS,
  "org:delete": OWNERS,
  "members:read": ALL,
  "members:invite": MANAGERS,
  "members:update-role": MANAGERS,
  "members:remove": MANAGERS,
  /** Grant, change or take away the OWNER role, and act on owners. */
  "members:manage-owners": OWNERS,
  "ownership:transfer": OWNERS,
  "audit:read": MANAGERS,
  "profile:edit": EDITORS,
  /** Send the profile to the platform administrators for verification. */
  "profile:submit": OWNERS,
  "requests:read": ALL,
  "requests:send": EDITORS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Roles an actor may give to others (or take from them). */
export function assignableRoles(actor: Role): Role[] {
  if (!can(actor, "members:update-role")) return [];
  return ROLES.filter((role) => role !== "OWNER" || can(actor, "members:manage-owners"));
}

/** Whether `actor` may act on a member who holds `target` (change role, remove). */
export function canManageMember(actor: Role, target: Role): boolean {
  return assignableRoles(actor).includes(target);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
