/**
 * Organisations against a real PostgreSQL: every command with its rules, and
 * what the database holds afterwards (rows, audit trail, outbox).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { hashToken } from "@/lib/auth/tokens";
import type { Role } from "@/lib/auth/permissions";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors/domain-error";
import { resetDatabase, testDb } from "@/lib/testing/db";
import {
  INVITATION_LIFETIME_MS,
  acceptInvitation,
  inviteMember,
  listPendingInvitations,
  lookupInvitation,
  resendInvitation,
  revokeInvitation,
} from "./invitations";
import { changeMemberRole, leaveOrganization, listAuditEvents, listMembers, removeMember, transferOwnership } from "./members";
import { getMembersPage } from "./members-page";
import { findMembership } from "./membership";
import {
  createOrganization,
  deleteOrganization,
  getOrganizationOverview,
  listMyOrganizations,
  updateOrganization,
} from "./organizations";
import { ZCreateOrganizationSchema, ZMemberRefSchema } from "./schemas";

const IP = "203.0.113.7";
const db = testDb();
let seq = 0;

async function makeUser(name = "User") {
  seq += 1;
  const user = await db.user.create({
    data: { email: `${name.toLowerCase()}-${seq}@example.org`, name, passwordHash: "x", emailVerifiedAt: new Date() },
  });
  return { ...user, ctx: { actor: { id: user.id, email: user.email }, ip: IP } };
}
type TestUser = Awaited<ReturnType<typeof makeUser>>;

async function makeOrg(owner: TestUser, slug = `org-${++seq}`) {
  await createOrganization({ name: `Cluster ${slug}`, country: "DK", slug }, owner.ctx);
  return db.organization.findUniqueOrThrow({ where: { slug } });
}

async function join(org: { id: string }, user: TestUser, role: Role) {
  return db.membership.create({ data: { organizationId: org.id, userId: user.id, role } });
}

/** The raw token from the newest invitation e-mail to an address, as the link carries it. */
async function tokenFromMail(email: string) {
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { toEmail: email, kind: "invitation" }, orderBy: { createdAt: "desc" } });
  const match = mail.text.match(/\/invite\/([A-Za-z0-9_-]{43})/);
  if (!match?.[1]) throw new Error(`no invitation link in ${mail.text}`);
  return match[1];
}

async function snapshot(orgId: string) {
  const [org, memberships, invitations, audit] = await Promise.all([
    db.organization.findUnique({ where: { id: orgId } }),
    db.membership.findMany({ where: { organizationId: orgId }, orderBy: { id: "asc" } }),
    db.invitation.findMany({ where: { organizationId: orgId }, orderBy: { id: "asc" } }),
    db.auditEvent.count({ where: { organizationId: orgId } }),
  ]);
  return { org, memberships, invitations, audit };
}

async function lastAudit(orgId: string | null) {
  return db.auditEvent.findFirstOrThrow({ where: { organizationId: orgId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

beforeEach(async () => {
  await resetDatabase();
});

describe("createOrganization", () => {
  it("makes the creator its owner and records the event", async () => {
    const anna = await makeUser("Anna");
    const result = await createOrganization({ name: "Medicon Valley Alliance", country: "DK", slug: "medicon" }, anna.ctx);
    expect(result).toEqual({ slug: "medicon" });
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "medicon" }, include: { memberships: true } });
    expect(org).toMatchObject({ name: "Medicon Valley Alliance", country: "DK" });
    expect(org.memberships).toEqual([expect.objectContaining({ userId: anna.id, role: "OWNER" })]);
    expect(await lastAudit(org.id)).toMatchObject({
      action: "organization.created",
      actorId: anna.id,
      actorEmail: anna.email,
      ip: IP,
      targetLabel: "Medicon Valley Alliance",
    });
    expect(await listMyOrganizations({ userId: anna.id })).toEqual([
      expect.objectContaining({ slug: "medicon", name: "Medicon Valley Alliance", role: "OWNER" }),
    ]);
  });

  it("answers a taken slug with a field error and creates nothing", async () => {
    const anna = await makeUser("Anna");
    const boris = await makeUser("Boris");
    await makeOrg(anna, "medicon");
    const error = await createOrganization({ name: "Other", country: "FR", slug: "medicon" }, boris.ctx).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ messageKey: "orgs.slug.taken", field: "slug" });
    expect(await db.organization.count()).toBe(1);
    expect(await db.membership.count({ where: { userId: boris.id } })).toBe(0);
  });

  it("refuses reserved and malformed slugs in the schema", () => {
    for (const slug of ["new", "admin", "Bad Slug", "-x", "a--b"]) {
      expect(ZCreateOrganizationSchema.safeParse({ name: "Cluster", country: "DK", slug }).success, slug).toBe(false);
    }
    expect(ZCreateOrganizationSchema.safeParse({ name: "Cluster", country: "dk", slug: "Good-Slug" }).data).toEqual({
      name: "Cluster",
      country: "DK",
      slug: "good-slug",
    });
  });
});

describe("updateOrganization", () => {
  it("renames, moves and re-slugs for an admin, with before/after in the trail", async () => {
    const anna = await makeUser("Anna");
    const ada = await makeUser("Ada");
    const org = await makeOrg(anna, "medicon");
    await join(org, ada, "ADMIN");
    const result = await updateOrganization({ orgSlug: "medicon", name: "MVA", country: "SE", slug: "mva" }, ada.ctx);
    expect(result).toEqual({ slug: "mva" });
    expect(await db.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ name: "MVA", country: "SE", slug: "mva" });
    const event = await lastAudit(org.id);
    expect(event).toMatchObject({ action: "organization.updated", actorId: ada.id, ip: IP });
    expect(event.metadata).toMatchObject({ before: { slug: "medicon" }, after: { slug: "mva", name: "MVA" } });
  });

  it("refuses a taken slug as a field error and an editor with ForbiddenError", async () => {
    const anna = await makeUser("Anna");
    const ed = await makeUser("Ed");
    const org = await makeOrg(anna, "medicon");
    await makeOrg(anna, "other");
    await join(org, ed, "EDITOR");
    const before = await snapshot(org.id);
    await expect(updateOrganization({ orgSlug: "medicon", name: "X", country: "DK", slug: "other" }, anna.ctx)).rejects.toMatchObject({
      messageKey: "orgs.slug.taken",
      field: "slug",
    });
    await expect(updateOrganization({ orgSlug: "medicon", name: "X", country: "DK", slug: "x" }, ed.ctx)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await snapshot(org.id)).toEqual(before);
  });
});

describe("invitations", () => {
  it("stores only a hash of the token, mails the link and lets the invitee join once", async () => {
    const anna = await makeUser("Anna");
    const org = await makeOrg(anna, "medicon");
    const colleague = await makeUser("Colleague");

    await inviteMember({ orgSlug: "medicon", email: colleague.email, role: "EDITOR" }, anna.ctx);

    const token = await tokenFromMail(colleague.email);
    const invitation = await db.invitation.findFirstOrThrow({ where: { organizationId: org.id } });
    expect(invitation).toMatchObject({ email: colleague.email, role: "EDITOR", invitedById: anna.id, acceptedAt: null });
    expect(invitation.tokenHash).toBe(hashToken(token));
    // The raw token is nowhere in the database row.
    expect(JSON.stringify(invitation)).not.toContain(token);
    const lifetime = invitation.expiresAt.getTime() - invitation.createdAt.getTime();
    expect(Math.abs(lifetime - INVITATION_LIFETIME_MS)).toBeLessThan(60_000);
    expect(await lastAudit(org.id)).toMatchObject({ action: "invitation.created", actorId: anna.id, ip: IP, targetLabel: colleague.email });

    expect(await lookupInvitation(token)).toMatchObject({ status: "pending", email: colleague.email, role: "EDITOR", orgSlug: "medicon" });

    expect(await acceptInvitation({ token }, colleague.ctx)).toEqual({ orgSlug: "medicon" });
    expect(await findMembership({ userId: colleague.id, orgSlug: "medicon" })).toMatchObject({ role: "EDITOR" });
    expect(await lastAudit(org.id)).toMatchObject({ action: "invitation.accepted", actorId: colleague.id, ip: IP });
    expect(await lookupInvitation(token)).toEqual({ status: "used" });

    // One-time: a second use is refused and changes nothing.
    const before = await snapshot(org.id);
    await expect(acceptInvitation({ token }, colleague.ctx)).rejects.toMatchObject({ messageKey: "orgs.invitations.used" });
    expect(await snapshot(org.id)).toEqual(before);
  });

  it("refuses another account using a forwarded link", async () => {
    const anna = await makeUser("Anna");
    const org = await makeOrg(anna, "medicon");
    const invitee = await makeUser("Invitee");
    const other = await makeUser("Other");
    await inviteMember({ orgSlug: "medicon", email: invitee.email, role: "MEMBER" }, anna.ctx);
    const token = await tokenFromMail(invitee.email);
    const before = await snapshot(org.id);
    await expect(acceptInvitation({ token }, other.ctx)).rejects.toMatchObject({
      messageKey: "orgs.invitations.otherEmail",
      values: { email: invitee.email },
    });
    expect(await snapshot(org.id)).toEqual(before);
    expect(await findMembership({ userId: other.id, orgSlug: "medicon" })).toBeNull();
  });

  it("expires after 7 days", async () => {
    const anna = await makeUser("Anna");
    const org = await makeOrg(anna, "medicon");
    const invitee = await makeUser("Invitee");
    await inviteMember({ orgSlug: "medicon", email: invitee.email, role: "MEMBER" }, anna.ctx);
    const token = await tokenFromMail(invitee.email);
    await db.invitation.updateMany({ where: { organizationId: org.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await lookupInvitation(token)).toEqual({ status: "expired" });
    await expect(acceptInvitation({ token }, invitee.ctx)).rejects.toMatchObject({ messageKey: "orgs.invitations.expired" });
    expect(await findMembership({ userId: invitee.id, orgSlug: "medicon" })).toBeNull();
    // Still listed (so it can be sent again), marked expired.
    expect(await listPendingInvitations({ orgSlug: "medicon" }, anna.ctx)).toEqual([
      expect.objectContaining({ email: invitee.email, isExpired: true, canManage: true }),
    ]);
  });

  it("treats malformed and unknown tokens as invalid", async () => {
    const invitee = await makeUser("Invitee");
    expect(await lookupInvitation("nope")).toEqual({ status: "invalid" });
    expect(await lookupInvitation("a".repeat(43))).toEqual({ status: "invalid" });
    await expect(acceptInvitation({ token: "a".repeat(43) }, invitee.ctx)).rejects.toMatchObject({ messageKey: "orgs.invitations.invalid" });
  });

  it("refuses inviting a member or an address with a pending invitation", async () => {
    const anna = await makeUser("Anna");
    const org = await makeOrg(anna, "medicon");
    const invitee = await makeUser("Invitee");
    await expect(inviteMember({ orgSlug: "medicon", email: anna.email, role: "MEMBER" }, anna.ctx)).rejects.toMatchObject({
      messageKey: "orgs.invitations.alreadyMember",
      field: "email",
    });
    await inviteMember({ orgSlug: "medicon", email: invitee.email, role: "MEMBER" }, anna.ctx);
    await expect(inviteMember({ orgSlug: "medicon", email: invitee.email, role: "ADMIN" }, anna.ctx)).rejects.toMatchObject({
      messageKey: "orgs.invitations.alreadyInvited",
    });
    expect(await db.invitation.count({ where: { organizationId: org.id } })).toBe(1);
  });

  it("revoke: the link stops working", async () => {
    const anna = await makeUser("Anna");
    const org = await makeOrg(anna, "medicon");
    const invitee = await makeUser("Invitee");
    await inviteMember({ orgSlug: "medicon", email: invitee.email, role: "MEMBER" }, anna.ctx);
    const token = await tokenFromMail(invitee.email);
    const invitation = await db.invitation.findFirstOrThrow({ where: { organizationId: org.id } });

    await revokeInvitation({ orgSlug: "medicon", invitationId: invitation.id }, anna.ctx);

    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).not.toBeNull();
    expect(await lastAudit(org.id)).toMatchObject({ action: "invitation.revoked", actorId: anna.id, ip: IP, targetLabel: invitee.email });
    expect(await lookupInvitation(token)).toEqual({ status: "invalid" });
    await expect(acceptInvitation({ token }, invitee.ctx)).rejects.toMatchObject({ messageKey: "orgs.invitations.invalid" });
    expect(await listPendingInvitations({ orgSlug: "medicon" }, anna.ctx)).toEqual([]);
    // Revoking again: it is no longer pending.
    await expect(revokeInvitation({ orgSlug: "medicon", invitationId: invitation.id }, anna.ctx)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("resend: a new link with fresh 7 days; the old link stops working", async () => {
    const anna = await makeUser("Anna");
    const org = await makeOrg(anna, "medicon");
    const invitee = await makeUser("Invitee");
    await inviteMember({ orgSlug: "medicon", email: invitee.email, role: "EDITOR" }, anna.ctx);
    const oldToken = await tokenFromMail(invitee.email);
    const invitation = await db.invitation.findFirstOrThrow({ where: { organizationId: org.id } });
    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    await resendInvitation({ orgSlug: "medicon", invitationId: invitation.id }, anna.ctx);

    const newToken = await tokenFromMail(invitee.email);
    expect(newToken).not.toBe(oldToken);
    expect(await db.outboxEmail.count({ where: { toEmail: invitee.email, kind: "invitation" } })).toBe(2);
    const renewed = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now() + INVITATION_LIFETIME_MS - 60_000);
    expect(await lastAudit(org.id)).toMatchObject({ action: "invitation.resent", actorId: anna.id, ip: IP });
    expect(await lookupInvitation(oldToken)).toEqual({ status: "invalid" });
    await expect(acceptInvitation({ token: oldToken }, invitee.ctx)).rejects.toMatchObject({ messageKey: "orgs.invitations.invalid" });
    expect(await acceptInvitation({ token: newToken }, invitee.ctx)).toEqual({ orgSlug: "medicon" });
    expect(await findMembership({ userId: invitee.id, orgSlug: "medicon" })).toMatchObject({ role: "EDITOR" });
  });

  it("an admin may not invite an owner nor revoke an owner's invitation; a member may not invite at all", async () => {
    const anna = await makeUser("Anna");
    const ada = await makeUser("Ada");
    const max = await makeUser("Max");
    const org = await makeOrg(anna, "medicon");
    await join(org, ada, "ADMIN");
    await join(org, max, "MEMBER");
    await inviteMember({ orgSlug: "medicon", email: "future-owner@example.org", role: "OWNER" }, anna.ctx);
    const ownerInvite = await db.invitation.findFirstOrThrow({ where: { organizationId: org.id } });
    const before = await snapshot(org.id);
    const mailsBefore = await db.outboxEmail.count();

    await expect(inviteMember({ orgSlug: "medicon", email: "x@example.org", role: "OWNER" }, ada.ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeInvitation({ orgSlug: "medicon", invitationId: ownerInvite.id }, ada.ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resendInvitation({ orgSlug: "medicon", invitationId: ownerInvite.id }, ada.ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(inviteMember({ orgSlug: "medicon", email: "y@example.org", role: "MEMBER" }, max.ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeInvitation({ orgSlug: "medicon", invitationId: ownerInvite.id }, max.ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listPendingInvitations({ orgSlug: "medicon" }, max.ctx)).rejects.toBeInstanceOf(ForbiddenError);

    expect(await snapshot(org.id)).toEqual(before);
    expect(await db.outboxEmail.count()).toBe(mailsBefore);
    // The admin sees the owner invitation but may not act on it.
    expect(await listPendingInvitations({ orgSlug: "medicon" }, ada.ctx)).toEqual([
      expect.objectContaining({ id: ownerInvite.id, canManage: false }),
    ]);
  });
});

describe("roles and members", () => {
  async function team() {
    const owner = await makeUser("Owner");
    const admin = await makeUser("Admin");
    const editor = await makeUser("Editor");
    const member = await makeUser("Member");
    const org = await makeOrg(owner, "medicon");
    const ownerM = await db.membership.findFirstOrThrow({ where: { organizationId: org.id, userId: owner.id } });
    const adminM = await join(org, admin, "ADMIN");
    const editorM = await join(org, editor, "EDITOR");
    const memberM = await join(org, member, "MEMBER");
    return { org, owner, admin, editor, member, ownerM, adminM, editorM, memberM };
  }

  it("changes a role and records from/to", async () => {
    const { org, owner, memberM, member } = await team();
    await changeMemberRole({ orgSlug: "medicon", membershipId: memberM.id, role: "EDITOR" }, owner.ctx);
    expect((await db.membership.findUniqueOrThrow({ where: { id: memberM.id } })).role).toBe("EDITOR");
    const event = await lastAudit(org.id);
    expect(event).toMatchObject({ action: "member.role_changed", actorId: owner.id, ip: IP, targetLabel: member.email });
    expect(event.metadata).toEqual({ from: "MEMBER", to: "EDITOR" });
  });

  it("an admin may not make someone an owner, nor change or remove an owner", async () => {
    const { org, admin, ownerM, memberM } = await team();
    const before = await snapshot(org.id);
    await expect(changeMemberRole({ orgSlug: "medicon", membershipId: memberM.id, role: "OWNER" }, admin.ctx)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(changeMemberRole({ orgSlug: "medicon", membershipId: ownerM.id, role: "MEMBER" }, admin.ctx)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(removeMember({ orgSlug: "medicon", membershipId: ownerM.id }, admin.ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(transferOwnership({ orgSlug: "medicon", membershipId: memberM.id }, admin.ctx)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot(org.id)).toEqual(before);
  });

  it("a member or editor may not invite, remove or change roles", async () => {
    const { org, member, editor, adminM, memberM } = await team();
    const before = await snapshot(org.id);
    for (const actor of [member, editor]) {
      await expect(inviteMember({ orgSlug: "medicon", email: "z@example.org", role: "MEMBER" }, actor.ctx)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(removeMember({ orgSlug: "medicon", membershipId: adminM.id }, actor.ctx)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(changeMemberRole({ orgSlug: "medicon", membershipId: memberM.id, role: "ADMIN" }, actor.ctx)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(listAuditEvents({ orgSlug: "medicon", page: 1, perPage: 20 }, actor.ctx)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteOrganization({ orgSlug: "medicon", confirmation: org.name }, actor.ctx)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await snapshot(org.id)).toEqual(before);
  });

  it("an admin removes a member; removing yourself is refused (use leave)", async () => {
    const { org, admin, adminM, memberM, member } = await team();
    await expect(removeMember({ orgSlug: "medicon", membershipId: adminM.id }, admin.ctx)).rejects.toMatchObject({
      messageKey: "orgs.members.useLeave",
    });
    await removeMember({ orgSlug: "medicon", membershipId: memberM.id }, admin.ctx);
    expect(await db.membership.findUnique({ where: { id: memberM.id } })).toBeNull();
    expect(await lastAudit(org.id)).toMatchObject({ action: "member.removed", actorId: admin.id, ip: IP, targetLabel: member.email });
  });

  it("the last owner cannot leave, be demoted or be removed", async () => {
    const { org, owner, ownerM } = await team();
    const before = await snapshot(org.id);
    await expect(leaveOrganization({ orgSlug: "medicon" }, owner.ctx)).rejects.toMatchObject({ messageKey: "orgs.members.lastOwnerLeave" });
    await expect(changeMemberRole({ orgSlug: "medicon", membershipId: ownerM.id, role: "ADMIN" }, owner.ctx)).rejects.toMatchObject({
      messageKey: "orgs.members.lastOwner",
    });
    await expect(removeMember({ orgSlug: "medicon", membershipId: ownerM.id }, owner.ctx)).rejects.toMatchObject({
      messageKey: "orgs.members.useLeave",
    });
    expect(await snapshot(org.id)).toEqual(before);
  });

  it("with two owners, one may demote or remove the other; the second-to-last cannot then", async () => {
    const { org, owner, admin, adminM, ownerM } = await team();
    await changeMemberRole({ orgSlug: "medicon", membershipId: adminM.id, role: "OWNER" }, owner.ctx);
    await removeMember({ orgSlug: "medicon", membershipId: ownerM.id }, admin.ctx);
    expect(await db.membership.findUnique({ where: { id: ownerM.id } })).toBeNull();
    await expect(leaveOrganization({ orgSlug: "medicon" }, admin.ctx)).rejects.toMatchObject({ messageKey: "orgs.members.lastOwnerLeave" });
    expect(await db.membership.count({ where: { organizationId: org.id, role: "OWNER" } })).toBe(1);
  });

  it("a member leaves", async () => {
    const { org, member } = await team();
    await leaveOrganization({ orgSlug: "medicon" }, member.ctx);
    expect(await findMembership({ userId: member.id, orgSlug: "medicon" })).toBeNull();
    expect(await lastAudit(org.id)).toMatchObject({ action: "member.left", actorId: member.id, ip: IP });
  });

  it("transfers ownership: the target becomes owner, the old owner an admin", async () => {
    const { org, owner, editor, editorM, ownerM, adminM } = await team();
    await expect(transferOwnership({ orgSlug: "medicon", membershipId: ownerM.id }, owner.ctx)).rejects.toMatchObject({
      messageKey: "orgs.members.transferToSelf",
    });
    await transferOwnership({ orgSlug: "medicon", membershipId: editorM.id }, owner.ctx);
    expect((await db.membership.findUniqueOrThrow({ where: { id: editorM.id } })).role).toBe("OWNER");
    expect((await db.membership.findUniqueOrThrow({ where: { id: ownerM.id } })).role).toBe("ADMIN");
    expect(await lastAudit(org.id)).toMatchObject({
      action: "organization.ownership_transferred",
      actorId: owner.id,
      ip: IP,
      targetLabel: editor.email,
    });
    // The old owner, now an admin, cannot transfer again.
    await expect(transferOwnership({ orgSlug: "medicon", membershipId: adminM.id }, owner.ctx)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a demoted admin loses the admin's rights at once", async () => {
    const { owner, admin, adminM, memberM } = await team();
    await changeMemberRole({ orgSlug: "medicon", membershipId: adminM.id, role: "MEMBER" }, owner.ctx);
    await expect(removeMember({ orgSlug: "medicon", membershipId: memberM.id }, admin.ctx)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.membership.findUnique({ where: { id: memberM.id } })).not.toBeNull();
  });

  it("lists members with what the actor may do to each, paginated", async () => {
    const { admin, ownerM, adminM, memberM } = await team();
    const page = await listMembers({ orgSlug: "medicon", page: 1, perPage: 2, sort: { id: "role", desc: false } }, admin.ctx);
    expect(page).toMatchObject({ total: 4, page: 1, perPage: 2, totalPages: 2 });
    expect(page.data.map((m) => m.id)).toEqual([ownerM.id, adminM.id]);
    expect(page.data[0]).toMatchObject({ canChangeRole: false, canRemove: false, canTransferOwnership: false, isSelf: false });
    expect(page.data[1]).toMatchObject({ canChangeRole: true, canRemove: false, canLeave: true, isSelf: true });
    const second = await listMembers({ orgSlug: "medicon", page: 2, perPage: 2, sort: { id: "role", desc: false } }, admin.ctx);
    expect(second.data.at(-1)).toMatchObject({ id: memberM.id, canChangeRole: true, canRemove: true });
  });

  it("the members page shows invitations only to those who may invite", async () => {
    const { owner, member } = await team();
    await inviteMember({ orgSlug: "medicon", email: "new@example.org", role: "MEMBER" }, owner.ctx);
    const forOwner = await getMembersPage({ orgSlug: "medicon", page: 1, perPage: 20, sort: null }, owner.ctx);
    expect(forOwner.invitations).toHaveLength(1);
    expect(forOwner.assignableRoles).toEqual(["OWNER", "ADMIN", "EDITOR", "MEMBER"]);
    const forMember = await getMembersPage({ orgSlug: "medicon", page: 1, perPage: 20, sort: null }, member.ctx);
    expect(forMember.invitations).toBeNull();
    expect(forMember.assignableRoles).toEqual([]);
    expect(await getOrganizationOverview({ orgSlug: "medicon" }, owner.ctx)).toMatchObject({ memberCount: 4, pendingInvitationCount: 1 });
    expect(await getOrganizationOverview({ orgSlug: "medicon" }, member.ctx)).toMatchObject({ memberCount: 4, pendingInvitationCount: null });
  });
});

describe("bad input", () => {
  it("treats slugs that cannot exist as not found, without a database error", async () => {
    const anna = await makeUser("Anna");
    await makeOrg(anna, "medicon");
    for (const orgSlug of ["\u0000", "MEDICON", "x".repeat(10_000), "medicon/../admin", ""]) {
      expect(await findMembership({ userId: anna.id, orgSlug })).toBeNull();
      await expect(listMembers({ orgSlug }, anna.ctx)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("refuses ids that cannot be ids in the schemas", () => {
    for (const membershipId of ["\u0000", "a b", "x".repeat(65), "", 42]) {
      expect(ZMemberRefSchema.safeParse({ orgSlug: "medicon", membershipId }).success).toBe(false);
    }
    expect(ZMemberRefSchema.safeParse({ orgSlug: "medicon", membershipId: "cm3abc123def456" }).success).toBe(true);
  });
});

describe("deleteOrganization", () => {
  it("refuses a wrong confirmation and deletes everything with the right one", async () => {
    const anna = await makeUser("Anna");
    const max = await makeUser("Max");
    const org = await makeOrg(anna, "medicon");
    await join(org, max, "MEMBER");
    await inviteMember({ orgSlug: "medicon", email: "new@example.org", role: "MEMBER" }, anna.ctx);
    const before = await snapshot(org.id);

    await expect(deleteOrganization({ orgSlug: "medicon", confirmation: "medicon" }, anna.ctx)).rejects.toMatchObject({
      messageKey: "orgs.delete.confirmationMismatch",
      field: "confirmation",
    });
    expect(await snapshot(org.id)).toEqual(before);

    await deleteOrganization({ orgSlug: "medicon", confirmation: `  ${org.name} ` }, anna.ctx);

    expect(await db.organization.findUnique({ where: { id: org.id } })).toBeNull();
    expect(await db.membership.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await db.invitation.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { organizationId: org.id } })).toBe(0);
    // The users stay; the deletion is kept in the platform trail.
    expect(await db.user.count({ where: { id: { in: [anna.id, max.id] } } })).toBe(2);
    expect(await lastAudit(null)).toMatchObject({ action: "organization.deleted", actorId: anna.id, ip: IP, targetId: org.id });
  });
});

describe("audit trail", () => {
  it("lists the organisation's events newest first, paginated, for owners and admins", async () => {
    const anna = await makeUser("Anna");
    const org = await makeOrg(anna, "medicon");
    for (let i = 0; i < 3; i += 1) {
      await inviteMember({ orgSlug: "medicon", email: `p${i}@example.org`, role: "MEMBER" }, anna.ctx);
    }
    const page = await listAuditEvents({ orgSlug: "medicon", page: 1, perPage: 2 }, anna.ctx);
    expect(page).toMatchObject({ total: 4, totalPages: 2, page: 1, perPage: 2 });
    expect(page.data.map((e) => e.targetLabel)).toEqual(["p2@example.org", "p1@example.org"]);
    expect(page.data[0]).toMatchObject({ action: "invitation.created", actorEmail: anna.email, ip: IP });
    const last = await listAuditEvents({ orgSlug: "medicon", page: 2, perPage: 2 }, anna.ctx);
    expect(last.data.map((e) => e.action)).toEqual(["invitation.created", "organization.created"]);
    expect(await db.auditEvent.count({ where: { organizationId: org.id } })).toBe(4);
  });
});

describe("organisation settings of a published profile", () => {
  beforeEach(() => resetDatabase());

  it("send a new name or country to review and keep the old values public", async () => {
    const db = testDb();
    const owner = await db.user.create({ data: { email: "pub-owner@example.org", name: "Owner", passwordHash: "x" } });
    const org = await db.organization.create({
      data: {
        name: "Published Cluster",
        slug: "published-cluster",
        country: "DK",
        memberships: { create: { userId: owner.id, role: "OWNER" } },
        profile: { create: { status: "APPROVED", publishedAt: new Date() } },
      },
    });
    await updateOrganization(
      { orgSlug: "published-cluster", name: "Renamed Cluster", country: "SE", slug: "renamed-cluster" },
      { actor: { id: owner.id, email: owner.email }, ip: "203.0.113.9" },
    );
    const after = await db.organization.findUniqueOrThrow({ where: { id: org.id }, include: { profile: true } });
    expect(after.name).toBe("Published Cluster");
    expect(after.country).toBe("DK");
    expect(after.slug).toBe("renamed-cluster");
    expect(after.profile?.pendingName).toBe("Renamed Cluster");
    expect(after.profile?.pendingCountry).toBe("SE");
  });
});
