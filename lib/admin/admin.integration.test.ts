/**
 * Platform administration against a real PostgreSQL: only platform
 * administrators get anything (others get "not found" and change nothing),
 * and a suspension ends the user's sessions and sign-ins at once.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { DomainError, NotFoundError } from "@/lib/errors/domain-error";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { getPlatformOverview, listOrganizations, listUsers, setUserSuspended } from "./users";

const IP = "203.0.113.9";
const PASSWORD = "violet tractor minds the harbour";
const db = testDb();
let seq = 0;

async function makeUser(options: { name?: string; email?: string; isPlatformAdmin?: boolean; password?: string } = {}) {
  seq += 1;
  const user = await db.user.create({
    data: {
      email: options.email ?? `user-${seq}@example.org`,
      name: options.name ?? `User ${seq}`,
      passwordHash: options.password ? await hashPassword(options.password) : "x",
      emailVerifiedAt: new Date(),
      isPlatformAdmin: options.isPlatformAdmin ?? false,
      // Distinct creation times keep "newest first" deterministic.
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
    },
  });
  return { ...user, actor: { id: user.id, email: user.email, isPlatformAdmin: user.isPlatformAdmin } };
}

async function makeOrganization(options: { name: string; slug: string; country: string; memberIds: string[] }) {
  seq += 1;
  return db.organization.create({
    data: {
      name: options.name,
      slug: options.slug,
      country: options.country,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
      memberships: {
        create: options.memberIds.map((userId, index) => ({ userId, role: index === 0 ? "OWNER" : "MEMBER" })),
      },
    },
  });
}

/** The user's next request with a JWT issued before: next-auth's jwt callback decides. */
async function refreshToken(token: JWT): Promise<JWT> {
  return (await authOptions.callbacks!.jwt!({ token } as never)) as JWT;
}

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
function authorize(email: string, password: string) {
  const provider = authOptions.providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize({ email, password }, { headers: { "x-forwarded-for": IP } });
}

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("access", () => {
  it("refuses a non-admin actor with NotFoundError everywhere, and changes nothing", async () => {
    const admin = await makeUser({ isPlatformAdmin: true });
    const member = await makeUser();
    const target = await makeUser();
    await makeOrganization({ name: "Medicon Valley Alliance", slug: "mva", country: "DK", memberIds: [member.id] });

    const page = { page: 1, perPage: 20 };
    await expect(listUsers(page, { actor: member.actor })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listOrganizations(page, { actor: member.actor })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPlatformOverview({ actor: member.actor })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      setUserSuspended({ userId: target.id, suspended: true }, { actor: member.actor, ip: IP }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // Claiming another user's id does not help: the flag is what counts.
    await expect(
      setUserSuspended({ userId: target.id, suspended: true }, { actor: { ...admin.actor, isPlatformAdmin: false }, ip: IP }),
    ).rejects.toBeInstanceOf(NotFoundError);

    const after = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.suspendedAt).toBeNull();
    expect(after.sessionVersion).toBe(target.sessionVersion);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("answers an unknown user id with NotFoundError", async () => {
    const admin = await makeUser({ isPlatformAdmin: true });
    await expect(
      setUserSuspended({ userId: "no-such-user", suspended: true }, { actor: admin.actor, ip: IP }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditEvent.count()).toBe(0);
  });
});

describe("setUserSuspended", () => {
  it("suspends: sets suspendedAt, bumps sessionVersion and writes an audit event", async () => {
    const admin = await makeUser({ isPlatformAdmin: true, email: "admin@example.org" });
    const target = await makeUser({ email: "target@example.org" });

    await setUserSuspended({ userId: target.id, suspended: true }, { actor: admin.actor, ip: IP });

    const after = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.suspendedAt).toBeInstanceOf(Date);
    expect(after.sessionVersion).toBe(target.sessionVersion + 1);
    const events = await db.auditEvent.findMany();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      organizationId: null,
      actorId: admin.id,
      actorEmail: "admin@example.org",
      action: "user.suspended",
      targetType: "user",
      targetId: target.id,
      targetLabel: "target@example.org",
      ip: IP,
    });
  });

  it("is idempotent: suspending a suspended user changes nothing and writes no second event", async () => {
    const admin = await makeUser({ isPlatformAdmin: true });
    const target = await makeUser();
    await setUserSuspended({ userId: target.id, suspended: true }, { actor: admin.actor, ip: IP });
    const first = await db.user.findUniqueOrThrow({ where: { id: target.id } });

    await setUserSuspended({ userId: target.id, suspended: true }, { actor: admin.actor, ip: IP });

    const second = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(second.suspendedAt).toEqual(first.suspendedAt);
    expect(second.sessionVersion).toBe(first.sessionVersion);
    expect(await db.auditEvent.count()).toBe(1);
  });

  it("lifts a suspension and records it", async () => {
    const admin = await makeUser({ isPlatformAdmin: true });
    const target = await makeUser();
    await setUserSuspended({ userId: target.id, suspended: true }, { actor: admin.actor, ip: IP });
    await setUserSuspended({ userId: target.id, suspended: false }, { actor: admin.actor, ip: IP });

    const after = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.suspendedAt).toBeNull();
    const actions = (await db.auditEvent.findMany({ orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["user.suspended", "user.unsuspended"]);
  });

  it("refuses to let an administrator suspend themselves", async () => {
    const admin = await makeUser({ isPlatformAdmin: true });
    const error = await setUserSuspended({ userId: admin.id, suspended: true }, { actor: admin.actor, ip: IP }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).messageKey).toBe("admin.users.notSelf");
    const after = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(after.suspendedAt).toBeNull();
    expect(after.sessionVersion).toBe(admin.sessionVersion);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("ends the user's existing sessions at once and refuses their sign-in; lifting it lets them sign in again", async () => {
    const admin = await makeUser({ isPlatformAdmin: true });
    const target = await makeUser({ email: "signed-in@example.org", password: PASSWORD });

    // Signed in before the suspension: the token is good.
    const signedIn = await authorize("signed-in@example.org", PASSWORD);
    expect(signedIn).toMatchObject({ id: target.id });
    const token: JWT = { uid: target.id, sv: target.sessionVersion };
    expect(await refreshToken(token)).toMatchObject({ uid: target.id });

    await setUserSuspended({ userId: target.id, suspended: true }, { actor: admin.actor, ip: IP });

    expect(await refreshToken(token)).toEqual({});
    await expect(authorize("signed-in@example.org", PASSWORD)).rejects.toThrow("suspended");

    await setUserSuspended({ userId: target.id, suspended: false }, { actor: admin.actor, ip: IP });

    // The old session stays ended (its version is stale); a new sign-in works.
    expect(await refreshToken(token)).toEqual({});
    await expect(authorize("signed-in@example.org", PASSWORD)).resolves.toMatchObject({ id: target.id });
  });
});

describe("listUsers", () => {
  it("pages through every user, newest first, with their organisation count", async () => {
    const admin = await makeUser({ isPlatformAdmin: true, name: "Admin" });
    const users = [];
    for (let i = 0; i < 4; i++) users.push(await makeUser({ name: `Member ${i}` }));
    await makeOrganization({ name: "A", slug: "a", country: "DK", memberIds: [users[0]!.id, users[1]!.id] });
    await makeOrganization({ name: "B", slug: "b", country: "FR", memberIds: [users[0]!.id] });
    await db.user.update({ where: { id: users[2]!.id }, data: { suspendedAt: new Date(), emailVerifiedAt: null } });

    const first = await listUsers({ page: 1, perPage: 3 }, { actor: admin.actor });
    expect(first).toMatchObject({ total: 5, page: 1, perPage: 3, totalPages: 2 });
    expect(first.data.map((u) => u.name)).toEqual(["Member 3", "Member 2", "Member 1"]);
    expect(first.data[1]).toMatchObject({ isSuspended: true, isVerified: false, organizationCount: 0, isSelf: false });

    const second = await listUsers({ page: 2, perPage: 3 }, { actor: admin.actor });
    expect(second.data.map((u) => u.name)).toEqual(["Member 0", "Admin"]);
    expect(second.data[0]).toMatchObject({ organizationCount: 2, isSuspended: false, isVerified: true });
    expect(second.data[1]).toMatchObject({ isSelf: true, isPlatformAdmin: true });
    // Nothing secret leaves the function.
    expect(Object.keys(second.data[0]!)).not.toContain("passwordHash");
  });

  it("searches e-mail addresses and names, ignoring case", async () => {
    const admin = await makeUser({ isPlatformAdmin: true });
    await makeUser({ name: "Anna Karlsson", email: "anna@medicon.example" });
    await makeUser({ name: "Jonas Berg", email: "jb@silicon-saxony.example" });

    const byEmail = await listUsers({ page: 1, perPage: 20, query: "  MEDICON " }, { actor: admin.actor });
    expect(byEmail.data.map((u) => u.name)).toEqual(["Anna Karlsson"]);
    const byName = await listUsers({ page: 1, perPage: 20, query: "berg" }, { actor: admin.actor });
    expect(byName.data.map((u) => u.email)).toEqual(["jb@silicon-saxony.example"]);
    const none = await listUsers({ page: 1, perPage: 20, query: "nobody" }, { actor: admin.actor });
    expect(none).toMatchObject({ total: 0, data: [], totalPages: 1 });
    // LIKE's wildcards are text, and a huge query is harmless.
    expect((await listUsers({ page: 1, perPage: 20, query: "%" }, { actor: admin.actor })).total).toBe(0);
    expect((await listUsers({ page: 1, perPage: 20, query: "_" }, { actor: admin.actor })).total).toBe(0);
    await makeUser({ name: "Under Score", email: "under_score@example.org" });
    const literal = await listUsers({ page: 1, perPage: 20, query: "r_s" }, { actor: admin.actor });
    expect(literal.data.map((u) => u.email)).toEqual(["under_score@example.org"]);
    expect((await listUsers({ page: 1, perPage: 20, query: "x".repeat(100_000) }, { actor: admin.actor })).total).toBe(0);
  });
});

describe("listOrganizations", () => {
  it("lists organisations with member counts and the country in the reader's language", async () => {
    const admin = await makeUser({ isPlatformAdmin: true });
    const a = await makeUser();
    const b = await makeUser();
    await makeOrganization({ name: "Medicon Valley Alliance", slug: "medicon", country: "DK", memberIds: [a.id, b.id] });
    await makeOrganization({ name: "Silicon Saxony", slug: "silicon-saxony", country: "DE", memberIds: [a.id] });

    const en = await listOrganizations({ page: 1, perPage: 20, locale: "en" }, { actor: admin.actor });
    expect(en).toMatchObject({ total: 2, totalPages: 1 });
    expect(en.data.map((o) => [o.name, o.countryName, o.memberCount])).toEqual([
      ["Silicon Saxony", "Germany", 1],
      ["Medicon Valley Alliance", "Denmark", 2],
    ]);
    const ru = await listOrganizations({ page: 1, perPage: 20, locale: "ru", query: "MEDICON" }, { actor: admin.actor });
    expect(ru.data.map((o) => o.countryName)).toEqual(["Дания"]);
  });
});

describe("getPlatformOverview", () => {
  it("counts users, organisations and the outbox, and lists administrators' actions", async () => {
    const admin = await makeUser({ isPlatformAdmin: true });
    const target = await makeUser({ email: "target@example.org" });
    await makeUser();
    await makeOrganization({ name: "A", slug: "a", country: "DK", memberIds: [target.id] });
    await db.outboxEmail.createMany({
      data: [
        { toEmail: "a@example.org", subject: "s", text: "t", html: "h", kind: "verifyEmail" },
        { toEmail: "b@example.org", subject: "s", text: "t", html: "h", kind: "verifyEmail" },
        { toEmail: "c@example.org", subject: "s", text: "t", html: "h", kind: "verifyEmail", status: "FAILED" },
        { toEmail: "d@example.org", subject: "s", text: "t", html: "h", kind: "verifyEmail", status: "SENT" },
      ],
    });
    await setUserSuspended({ userId: target.id, suspended: true }, { actor: admin.actor, ip: IP });
    // An organisation's own trail is not the platform's.
    await db.auditEvent.create({ data: { action: "user.suspended", organizationId: (await db.organization.findFirstOrThrow()).id } });

    const overview = await getPlatformOverview({ actor: admin.actor });
    expect(overview.counts).toEqual({ users: 3, suspendedUsers: 1, organizations: 1, pendingEmails: 2, failedEmails: 1 });
    expect(overview.recentEvents).toHaveLength(1);
    expect(overview.recentEvents[0]).toMatchObject({ action: "user.suspended", targetLabel: "target@example.org" });
  });
});
