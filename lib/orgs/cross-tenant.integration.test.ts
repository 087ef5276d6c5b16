/**
 * Cross-tenant isolation of every organisation-scoped domain function.
 *
 * ADD EVERY NEW ORGANISATION-SCOPED FUNCTION HERE: one entry per function
 * that reads or writes organisation data, plus a "mixed" entry for each
 * function that takes a child id (B's own slug with A's membership or
 * invitation id).
 *
 * The owner of organisation B calls each function with organisation A's
 * slug or ids. Every call must fail with NotFoundError (the same answer as
 * for something that does not exist, so nothing about A leaks), and A's
 * rows, invitations and audit trail must be exactly as before.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors/domain-error";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { inviteMember, listPendingInvitations, resendInvitation, revokeInvitation } from "./invitations";
import { changeMemberRole, leaveOrganization, listAuditEvents, listMembers, removeMember, transferOwnership } from "./members";
import { getMembersPage } from "./members-page";
import { createOrganization, deleteOrganization, getOrganizationOverview, updateOrganization } from "./organizations";
import { getProfileForEditing, submitProfile, updateProfile } from "@/lib/profiles/profiles";
import { uploadLogo } from "@/lib/profiles/logo";
import { ZProfileSchema } from "@/lib/profiles/schemas";

/** A complete, valid profile form for A, as an attacker in B would send it. */
function profileInput(slug: string) {
  return ZProfileSchema.parse({
    orgSlug: slug, version: 1, name: "Hijacked", country: "RU", website: "", contactEmail: "",
    membersSme: 1, membersLarge: 0, membersResearch: 0, membersUniversity: 0, membersPublic: 0, membersOther: 0,
    managementFte: 1, label: "NONE",
  });
}
// The smallest valid PNG (1×1): refusal must come from tenancy, not from the image.
const PNG_1X1 = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

const db = testDb();

type Ctx = { actor: { id: string; email: string }; ip: string };
type IdsOfA = { slug: string; name: string; ownerMembershipId: string; memberMembershipId: string; invitationId: string };
type Case = { name: string; call: (ctxOfB: Ctx, a: IdsOfA, slugOfB: string) => Promise<unknown> };

const cases: Case[] = [
  // Reads
  { name: "listMembers", call: (ctx, a) => listMembers({ orgSlug: a.slug }, ctx) },
  { name: "getMembersPage", call: (ctx, a) => getMembersPage({ orgSlug: a.slug, page: 1, perPage: 20, sort: null }, ctx) },
  { name: "getOrganizationOverview", call: (ctx, a) => getOrganizationOverview({ orgSlug: a.slug }, ctx) },
  { name: "listPendingInvitations", call: (ctx, a) => listPendingInvitations({ orgSlug: a.slug }, ctx) },
  { name: "listAuditEvents", call: (ctx, a) => listAuditEvents({ orgSlug: a.slug, page: 1, perPage: 20 }, ctx) },
  // Writes with A's slug
  { name: "updateOrganization", call: (ctx, a) => updateOrganization({ orgSlug: a.slug, name: "Hijacked", country: "RU", slug: "hijacked" }, ctx) },
  { name: "deleteOrganization", call: (ctx, a) => deleteOrganization({ orgSlug: a.slug, confirmation: a.name }, ctx) },
  { name: "inviteMember", call: (ctx, a) => inviteMember({ orgSlug: a.slug, email: "intruder@example.org", role: "OWNER" }, ctx) },
  { name: "revokeInvitation", call: (ctx, a) => revokeInvitation({ orgSlug: a.slug, invitationId: a.invitationId }, ctx) },
  { name: "resendInvitation", call: (ctx, a) => resendInvitation({ orgSlug: a.slug, invitationId: a.invitationId }, ctx) },
  { name: "changeMemberRole", call: (ctx, a) => changeMemberRole({ orgSlug: a.slug, membershipId: a.memberMembershipId, role: "OWNER" }, ctx) },
  { name: "removeMember", call: (ctx, a) => removeMember({ orgSlug: a.slug, membershipId: a.ownerMembershipId }, ctx) },
  { name: "leaveOrganization", call: (ctx, a) => leaveOrganization({ orgSlug: a.slug }, ctx) },
  { name: "transferOwnership", call: (ctx, a) => transferOwnership({ orgSlug: a.slug, membershipId: a.memberMembershipId }, ctx) },
  // Profiles
  { name: "getProfileForEditing", call: (ctx, a) => getProfileForEditing({ orgSlug: a.slug }, ctx) },
  { name: "updateProfile", call: (ctx, a) => updateProfile(profileInput(a.slug), ctx) },
  { name: "submitProfile", call: (ctx, a) => submitProfile({ orgSlug: a.slug }, ctx) },
  { name: "uploadLogo", call: (ctx, a) => uploadLogo({ orgSlug: a.slug, bytes: PNG_1X1 }, ctx) },
  // Mixed: B's own slug (where B is owner and passes every permission check), A's child ids
  { name: "revokeInvitation (own slug, A's invitation)", call: (ctx, a, b) => revokeInvitation({ orgSlug: b, invitationId: a.invitationId }, ctx) },
  { name: "resendInvitation (own slug, A's invitation)", call: (ctx, a, b) => resendInvitation({ orgSlug: b, invitationId: a.invitationId }, ctx) },
  {
    name: "changeMemberRole (own slug, A's membership)",
    call: (ctx, a, b) => changeMemberRole({ orgSlug: b, membershipId: a.memberMembershipId, role: "ADMIN" }, ctx),
  },
  {
    name: "changeMemberRole (own slug, A's owner membership)",
    call: (ctx, a, b) => changeMemberRole({ orgSlug: b, membershipId: a.ownerMembershipId, role: "MEMBER" }, ctx),
  },
  { name: "removeMember (own slug, A's membership)", call: (ctx, a, b) => removeMember({ orgSlug: b, membershipId: a.memberMembershipId }, ctx) },
  { name: "removeMember (own slug, A's owner membership)", call: (ctx, a, b) => removeMember({ orgSlug: b, membershipId: a.ownerMembershipId }, ctx) },
  {
    name: "transferOwnership (own slug, A's membership)",
    call: (ctx, a, b) => transferOwnership({ orgSlug: b, membershipId: a.memberMembershipId }, ctx),
  },
];

let a: IdsOfA;
let ctxOfB: Ctx;
const slugOfB = "cluster-b";

async function snapshotOfA() {
  const org = await db.organization.findUnique({ where: { slug: a.slug } });
  const organizationId = org?.id ?? "missing";
  const [memberships, invitations, auditCount, mails, profile, files] = await Promise.all([
    db.membership.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.invitation.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.auditEvent.count({ where: { organizationId } }),
    db.outboxEmail.count(),
    db.clusterProfile.findUnique({ where: { organizationId } }),
    db.storedFile.count(),
  ]);
  return { org, memberships, invitations, auditCount, mails, profile, files };
}

async function seed() {
  await resetDatabase();
  const user = (email: string, name: string) => db.user.create({ data: { email, name, passwordHash: "x", emailVerifiedAt: new Date() } });
  const ownerA = await user("owner-a@example.org", "Owner A");
  const memberA = await user("member-a@example.org", "Member A");
  const ownerB = await user("owner-b@example.org", "Owner B");
  const ctxOfA = { actor: { id: ownerA.id, email: ownerA.email }, ip: "198.51.100.1" };
  ctxOfB = { actor: { id: ownerB.id, email: ownerB.email }, ip: "198.51.100.2" };

  await createOrganization({ name: "Cluster A", country: "DK", slug: "cluster-a" }, ctxOfA);
  await createOrganization({ name: "Cluster B", country: "FR", slug: slugOfB }, ctxOfB);
  const orgA = await db.organization.findUniqueOrThrow({ where: { slug: "cluster-a" } });
  const memberM = await db.membership.create({ data: { organizationId: orgA.id, userId: memberA.id, role: "MEMBER" } });
  const ownerM = await db.membership.findFirstOrThrow({ where: { organizationId: orgA.id, userId: ownerA.id } });
  await inviteMember({ orgSlug: "cluster-a", email: "invitee-a@example.org", role: "EDITOR" }, ctxOfA);
  const invitation = await db.invitation.findFirstOrThrow({ where: { organizationId: orgA.id } });
  a = {
    slug: orgA.slug,
    name: orgA.name,
    ownerMembershipId: ownerM.id,
    memberMembershipId: memberM.id,
    invitationId: invitation.id,
  };
}

describe("cross-tenant: the owner of B reaches nothing of A", () => {
  // A failed case could have changed A: start each from the same state.
  beforeEach(seed);

  it("has a case for every organisation-scoped function", () => {
    const names = new Set(cases.map((c) => c.name.split(" ")[0]));
    expect([...names].sort()).toEqual(
      [
        "changeMemberRole",
        "deleteOrganization",
        "getMembersPage",
        "getOrganizationOverview",
        "inviteMember",
        "leaveOrganization",
        "listAuditEvents",
        "listMembers",
        "listPendingInvitations",
        "removeMember",
        "resendInvitation",
        "revokeInvitation",
        "transferOwnership",
        "updateOrganization",
        "getProfileForEditing",
        "updateProfile",
        "submitProfile",
        "uploadLogo",
      ].sort(),
    );
  });

  it.each(cases)("$name → NotFoundError, A unchanged", async ({ call }) => {
    const before = await snapshotOfA();
    const error = await call(ctxOfB, a, slugOfB).then(
      () => new Error("the call succeeded"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(await snapshotOfA()).toEqual(before);
    // And B is untouched in its own right: still its only member, still owner.
    expect(await db.membership.findMany({ where: { organization: { slug: slugOfB } }, select: { userId: true, role: true } })).toEqual([
      { userId: ctxOfB.actor.id, role: "OWNER" },
    ]);
  });

  it("the same calls succeed for A's owner (the table tests something real)", async () => {
    const ownerA = await db.user.findUniqueOrThrow({ where: { email: "owner-a@example.org" } });
    const ctxOfA = { actor: { id: ownerA.id, email: ownerA.email }, ip: "198.51.100.1" };
    await expect(listMembers({ orgSlug: a.slug }, ctxOfA)).resolves.toMatchObject({ total: 2 });
    await expect(resendInvitation({ orgSlug: a.slug, invitationId: a.invitationId }, ctxOfA)).resolves.toBeUndefined();
    await expect(changeMemberRole({ orgSlug: a.slug, membershipId: a.memberMembershipId, role: "ADMIN" }, ctxOfA)).resolves.toBeUndefined();
  });
});
