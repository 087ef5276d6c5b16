import { beforeEach, describe, expect, it } from "vitest";

import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { recordFailedSignIn, signInRetryAfter, SIGN_IN_LIMITS } from "@/lib/auth/rate-limit";
import { createToken } from "@/lib/auth/tokens";
import { DomainError } from "@/lib/errors/domain-error";
import { resetDatabase, testDb } from "@/lib/testing/db";
import {
  changePassword,
  confirmEmailChange,
  deleteMyAccount,
  exportMyData,
  requestEmailChange,
  signOutEverywhere,
  updateAccount,
} from "./account";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { ZSignUpSchema } from "./schemas";
import { signUp } from "./sign-up";
import { inspectAuthToken, issueAuthToken } from "./tokens";
import { resendVerification, verifyEmail } from "./verify-email";

// Each command of lib/accounts against the real database: what the database
// holds afterwards and which e-mails wait in the outbox.

const ip = "203.0.113.7";
const PASSWORD = "correct horse battery staple";

function db() {
  return testDb();
}

/** The sign-up form's input, parsed by the same schema the action uses. */
function signUpInput(overrides: Record<string, unknown> = {}) {
  return ZSignUpSchema.parse({ name: "Anna Karlsson", email: "anna@example.org", password: PASSWORD, locale: "en", ...overrides });
}

async function createUser(options: { email?: string; password?: string; verified?: boolean; locale?: string } = {}) {
  const password = options.password ?? PASSWORD;
  const user = await db().user.create({
    data: {
      email: options.email ?? "user@example.org",
      name: "Test User",
      passwordHash: await hashPassword(password),
      emailVerifiedAt: options.verified === false ? null : new Date(),
      locale: options.locale ?? "en",
    },
  });
  return { ...user, actor: { id: user.id, email: user.email } };
}

async function createOrganization(ownerId: string, name = "Medicon Valley Alliance") {
  return db().organization.create({
    data: {
      name,
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      country: "DK",
      memberships: { create: { userId: ownerId, role: "OWNER" } },
    },
  });
}

async function outbox(to?: string) {
  return db().outboxEmail.findMany({ where: to ? { toEmail: to } : {}, orderBy: { createdAt: "asc" } });
}

/** The token in the first link of an e-mail's plain text. */
function tokenFrom(text: string, path: string): string {
  const match = text.match(/https?:\/\/\S+/);
  expect(match, `a link in: ${text}`).not.toBeNull();
  const url = new URL(match![0]);
  expect(url.pathname).toBe(path);
  const token = url.searchParams.get("token");
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return token!;
}

/** Runs `fn` and returns the DomainError it throws (failing when it throws nothing or something else). */
async function domainError(fn: () => Promise<unknown>): Promise<DomainError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error("expected a DomainError, nothing was thrown");
}

beforeEach(async () => {
  await resetDatabase();
});

describe("sign-up", () => {
  it("creates an unverified user and sends a verification link whose token verifies the address", async () => {
    const input = signUpInput({ email: "  Anna@Example.ORG " });
    expect(await signUp(input, { ip })).toEqual({ kind: "checkInbox" });

    const user = await db().user.findUniqueOrThrow({ where: { email: "anna@example.org" } });
    expect(user.emailVerifiedAt).toBeNull();
    expect(user.name).toBe("Anna Karlsson");
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);

    const mails = await outbox();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toEmail: "anna@example.org", kind: "verifyEmail", status: "PENDING" });
    const token = tokenFrom(mails[0]!.text, "/verify-email");
    // Only the hash is stored.
    expect(await db().authToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(await inspectAuthToken(token, "VERIFY_EMAIL")).toBe("valid");

    expect(await verifyEmail({ token }, { ip })).toEqual({ email: "anna@example.org" });
    const verified = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(verified.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await inspectAuthToken(token, "VERIFY_EMAIL")).toBe("used");
    expect(await db().auditEvent.findMany({ where: { actorId: user.id }, select: { action: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { action: "user.signed_up" },
      { action: "user.email_verified" },
    ]);
  });

  it("answers a known address the same way, creates no second user and mails the owner a notice", async () => {
    await createUser({ email: "anna@example.org", locale: "ru" });
    const answer = await signUp(signUpInput({ name: "Someone Else", password: "another long passphrase" }), { ip });

    expect(answer).toEqual({ kind: "checkInbox" });
    expect(await db().user.count()).toBe(1);
    expect((await db().user.findFirstOrThrow()).name).toBe("Test User");
    const mails = await outbox("anna@example.org");
    expect(mails.map((m) => m.kind)).toEqual(["accountExists"]);
    // In the owner's language, with links to sign in and to reset the password.
    expect(mails[0]!.subject).toMatch(/[а-я]/i);
    expect(mails[0]!.text).toContain("/signin");
    expect(mails[0]!.text).toContain("/forgot-password");
    expect(await db().authToken.count()).toBe(0);
  });

  it("sends that notice at most once a minute, so the form cannot flood an inbox", async () => {
    await createUser({ email: "anna@example.org" });
    await signUp(signUpInput(), { ip });
    await signUp(signUpInput(), { ip });
    await signUp(signUpInput(), { ip });
    expect(await db().outboxEmail.count({ where: { kind: "accountExists" } })).toBe(1);
  });

  it("refuses a weak password and stores nothing", async () => {
    const parsed = ZSignUpSchema.safeParse({ name: "Anna", email: "anna@example.org", password: "password123" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["password", "auth.password.tooCommon"]]);

    // The domain function checks it again (and against the address) when called directly.
    const error = await domainError(() => signUp({ ...signUpInput(), password: "password123" }, { ip }));
    expect(error.messageKey).toBe("auth.password.tooCommon");
    expect(error.field).toBe("password");
    const containsEmail = await domainError(() => signUp({ ...signUpInput(), password: "anna.example.2026" }, { ip }));
    expect(containsEmail.messageKey).toBe("auth.password.containsEmail");

    expect(await db().user.count()).toBe(0);
    expect(await db().outboxEmail.count()).toBe(0);
    expect(await db().auditEvent.count()).toBe(0);
  });

  it("refuses a sign-up from an invitation meant for another address", async () => {
    const owner = await createUser({ email: "owner@example.org" });
    const org = await createOrganization(owner.id);
    const { token, tokenHash } = createToken();
    await db().invitation.create({
      data: { organizationId: org.id, email: "invited@example.org", role: "EDITOR", tokenHash, expiresAt: new Date(Date.now() + 86_400_000) },
    });

    const error = await domainError(() => signUp(signUpInput({ email: "intruder@example.org", inviteToken: token }), { ip }));
    expect(error.messageKey).toBe("orgs.invitations.otherEmail");
    expect(error.values).toEqual({ email: "invited@example.org" });
    expect(await db().user.count({ where: { email: "intruder@example.org" } })).toBe(0);
    expect(await db().membership.count({ where: { organizationId: org.id } })).toBe(1);
    expect((await db().invitation.findFirstOrThrow()).acceptedAt).toBeNull();

    // The right address joins at once, verified, with the invitation's role.
    const joined = await signUp(signUpInput({ email: "invited@example.org", inviteToken: token }), { ip });
    expect(joined).toEqual({ kind: "joined", orgSlug: org.slug });
    const user = await db().user.findUniqueOrThrow({ where: { email: "invited@example.org" }, include: { memberships: true } });
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(user.memberships.map((m) => [m.organizationId, m.role])).toEqual([[org.id, "EDITOR"]]);
    expect((await db().invitation.findFirstOrThrow()).acceptedAt).toBeInstanceOf(Date);
    expect(await db().outboxEmail.count({ where: { kind: "verifyEmail" } })).toBe(0);
  });

  it("refuses an unknown invitation token and stores nothing", async () => {
    const error = await domainError(() => signUp(signUpInput({ inviteToken: createToken().token }), { ip }));
    expect(error.messageKey).toBe("orgs.invitations.invalid");
    expect(await db().user.count()).toBe(0);
  });
});

describe("e-mail verification", () => {
  async function signedUp() {
    await signUp(signUpInput(), { ip });
    const [mail] = await outbox("anna@example.org");
    const token = tokenFrom(mail!.text, "/verify-email");
    const user = await db().user.findUniqueOrThrow({ where: { email: "anna@example.org" } });
    return { token, user };
  }

  async function expectUnchanged(userId: string) {
    const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.emailVerifiedAt).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "user.email_verified" } })).toBe(0);
  }

  it("refuses an expired link and changes nothing", async () => {
    const { token, user } = await signedUp();
    await db().authToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await inspectAuthToken(token, "VERIFY_EMAIL")).toBe("expired");

    expect((await domainError(() => verifyEmail({ token }, { ip }))).messageKey).toBe("auth.token.expired");
    await expectUnchanged(user.id);
    expect((await db().authToken.findFirstOrThrow()).usedAt).toBeNull();
  });

  it("refuses a used link", async () => {
    const { token, user } = await signedUp();
    await verifyEmail({ token }, { ip });
    const verifiedAt = (await db().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt;

    expect((await domainError(() => verifyEmail({ token }, { ip }))).messageKey).toBe("auth.token.used");
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toEqual(verifiedAt);
    expect(await db().auditEvent.count({ where: { action: "user.email_verified" } })).toBe(1);
  });

  it("refuses a tampered link and a link made for another purpose", async () => {
    const { token, user } = await signedUp();
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await inspectAuthToken(tampered, "VERIFY_EMAIL")).toBe("invalid");
    expect((await domainError(() => verifyEmail({ token: tampered }, { ip }))).messageKey).toBe("auth.token.invalid");

    const resetToken = await db().$transaction((tx) => issueAuthToken(tx, { userId: user.id, purpose: "RESET_PASSWORD" }));
    expect((await domainError(() => verifyEmail({ token: resetToken }, { ip }))).messageKey).toBe("auth.token.invalid");

    await expectUnchanged(user.id);
    expect(await db().authToken.count({ where: { usedAt: { not: null } } })).toBe(0);
    expect(await inspectAuthToken(token, "VERIFY_EMAIL")).toBe("valid");
  });

  it("sends a new link to an unverified account only, and at most once a minute", async () => {
    await createUser({ email: "verified@example.org" });
    await resendVerification({ email: "verified@example.org" });
    await resendVerification({ email: "nobody@example.org" });
    expect(await db().outboxEmail.count()).toBe(0);

    await createUser({ email: "new@example.org", verified: false });
    await resendVerification({ email: "new@example.org" });
    await resendVerification({ email: "new@example.org" });
    const mails = await outbox("new@example.org");
    expect(mails.map((m) => m.kind)).toEqual(["verifyEmail"]);
    expect(await verifyEmail({ token: tokenFrom(mails[0]!.text, "/verify-email") }, { ip })).toEqual({ email: "new@example.org" });
  });
});

describe("password reset", () => {
  it("answers the same for an unknown address and sends no mail", async () => {
    await expect(requestPasswordReset({ email: "nobody@example.org" })).resolves.toBeUndefined();
    expect(await db().outboxEmail.count()).toBe(0);
    expect(await db().authToken.count()).toBe(0);
  });

  it("sets the new password, ends every session, spends the other reset links and lifts a lock-out", async () => {
    const user = await createUser({ email: "anna@example.org" });
    await requestPasswordReset({ email: "anna@example.org" });
    // A second request within a minute sends nothing more.
    await requestPasswordReset({ email: "anna@example.org" });
    const mails = await outbox("anna@example.org");
    expect(mails.map((m) => m.kind)).toEqual(["resetPassword"]);
    const token = tokenFrom(mails[0]!.text, "/reset-password");
    // An older link, issued before.
    const older = await db().$transaction((tx) => issueAuthToken(tx, { userId: user.id, purpose: "RESET_PASSWORD" }));

    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) await recordFailedSignIn("anna@example.org", ip);
    expect(await signInRetryAfter("anna@example.org", "198.51.100.1")).toBeGreaterThan(0);

    await resetPassword({ token, password: "a brand new passphrase" }, { ip });

    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, "a brand new passphrase")).toBe(true);
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(false);
    expect(await db().authToken.count({ where: { userId: user.id, purpose: "RESET_PASSWORD", usedAt: null } })).toBe(0);
    expect((await domainError(() => resetPassword({ token: older, password: "yet another passphrase" }, { ip }))).messageKey).toBe(
      "auth.token.used",
    );
    expect(await signInRetryAfter("anna@example.org", "198.51.100.1")).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "user.password_reset", actorId: user.id } })).toBe(1);
  });

  it("refuses a weak new password and keeps the link usable", async () => {
    const user = await createUser({ email: "anna@example.org" });
    await requestPasswordReset({ email: "anna@example.org" });
    const token = tokenFrom((await outbox())[0]!.text, "/reset-password");

    const error = await domainError(() => resetPassword({ token, password: "password123" }, { ip }));
    expect(error.messageKey).toBe("auth.password.tooCommon");
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(user.passwordHash);
    expect(after.sessionVersion).toBe(user.sessionVersion);
    expect(await inspectAuthToken(token, "RESET_PASSWORD")).toBe("valid");
  });

  it("refuses an expired reset link", async () => {
    const user = await createUser({ email: "anna@example.org" });
    await requestPasswordReset({ email: "anna@example.org" });
    const token = tokenFrom((await outbox())[0]!.text, "/reset-password");
    await db().authToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });

    expect((await domainError(() => resetPassword({ token, password: "a brand new passphrase" }, { ip }))).messageKey).toBe(
      "auth.token.expired",
    );
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });
});

describe("account self-service", () => {
  it("changes the password only with the current one, and ends every session", async () => {
    const user = await createUser();

    const wrong = await domainError(() =>
      changePassword({ currentPassword: "not my password", newPassword: "a brand new passphrase" }, { actor: user.actor, ip }),
    );
    expect(wrong.messageKey).toBe("auth.password.wrongCurrent");
    expect(wrong.field).toBe("currentPassword");
    const weak = await domainError(() => changePassword({ currentPassword: PASSWORD, newPassword: "qwertyuiop" }, { actor: user.actor, ip }));
    expect(weak.messageKey).toBe("auth.password.tooCommon");
    let stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toBe(user.passwordHash);
    expect(stored.sessionVersion).toBe(user.sessionVersion);

    await changePassword({ currentPassword: PASSWORD, newPassword: "a brand new passphrase" }, { actor: user.actor, ip });
    stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await verifyPassword(stored.passwordHash, "a brand new passphrase")).toBe(true);
    expect(await db().auditEvent.count({ where: { action: "user.password_changed" } })).toBe(1);
  });

  it("throttles the password re-check like sign-in, so a stolen session cannot guess the password", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) {
      const wrong = await domainError(() => deleteMyAccount({ password: `guess number ${i}` }, { actor: user.actor, ip }));
      expect(wrong.messageKey).toBe("auth.password.wrongCurrent");
    }
    // Even the right password is refused now, and nothing changes.
    const blocked = await domainError(() =>
      changePassword({ currentPassword: PASSWORD, newPassword: "a brand new passphrase" }, { actor: user.actor, ip }),
    );
    expect(blocked.messageKey).toBe("auth.signIn.rateLimited");
    expect(blocked.field).toBe("currentPassword");
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toBe(user.passwordHash);
  });

  it("signs out everywhere by moving the session version on", async () => {
    const user = await createUser();
    await signOutEverywhere({ actor: user.actor, ip });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion + 1);
  });

  it("updates the name and language", async () => {
    const user = await createUser();
    await updateAccount({ name: "Anna K.", locale: "ru" }, { actor: user.actor, ip });
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, locale: true } })).toEqual({
      name: "Anna K.",
      locale: "ru",
    });
  });

  it("changes the e-mail address through a link sent to the new one", async () => {
    const user = await createUser({ email: "anna@example.org" });
    await createUser({ email: "taken@example.org" });
    const ctx = { actor: user.actor, ip };

    expect((await domainError(() => requestEmailChange({ password: "wrong password", newEmail: "new@example.org" }, ctx))).field).toBe(
      "password",
    );
    expect((await domainError(() => requestEmailChange({ password: PASSWORD, newEmail: "anna@example.org" }, ctx))).messageKey).toBe(
      "account.email.same",
    );
    // A taken address gets no link, and the answer is the same.
    await expect(requestEmailChange({ password: PASSWORD, newEmail: "taken@example.org" }, ctx)).resolves.toBeUndefined();
    expect(await db().outboxEmail.count()).toBe(0);

    await requestEmailChange({ password: PASSWORD, newEmail: "new@example.org" }, ctx);
    const mails = await outbox("new@example.org");
    expect(mails.map((m) => m.kind)).toEqual(["confirmEmailChange"]);
    expect(mails[0]!.text).toContain("new@example.org");
    const token = tokenFrom(mails[0]!.text, "/confirm-email");
    // Nothing changes until the link is followed.
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("anna@example.org");

    expect(await confirmEmailChange({ token }, { ip })).toEqual({ email: "new@example.org" });
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.email).toBe("new@example.org");
    expect(after.emailVerifiedAt).toBeInstanceOf(Date);
    expect((await domainError(() => confirmEmailChange({ token }, { ip }))).messageKey).toBe("auth.token.used");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.email_changed" } });
    expect(audit.metadata).toEqual({ from: "anna@example.org", to: "new@example.org" });
  });

  it("refuses the change when the new address was taken after the link was sent", async () => {
    const user = await createUser({ email: "anna@example.org" });
    await requestEmailChange({ password: PASSWORD, newEmail: "new@example.org" }, { actor: user.actor, ip });
    const token = tokenFrom((await outbox("new@example.org"))[0]!.text, "/confirm-email");
    await createUser({ email: "new@example.org" });

    expect((await domainError(() => confirmEmailChange({ token }, { ip }))).messageKey).toBe("account.email.taken");
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("anna@example.org");
    expect(await inspectAuthToken(token, "CHANGE_EMAIL")).toBe("valid");
  });

  it("exports the memberships and never the password hash", async () => {
    const user = await createUser({ email: "anna@example.org" });
    const org = await createOrganization(user.id);
    await signOutEverywhere({ actor: user.actor, ip });

    const data = await exportMyData({ actor: user.actor });
    expect(data.account.email).toBe("anna@example.org");
    expect(data.account.memberships).toEqual([
      expect.objectContaining({ role: "OWNER", organization: { name: org.name, slug: org.slug, country: "DK" } }),
    ]);
    expect(data.activity.map((a) => a.action)).toEqual(["user.signed_out_everywhere"]);
    expect(data.notifications).toEqual([]);
    expect(data.account.notificationPreferences).toEqual([]);
    const json = JSON.stringify(data);
    expect(json).not.toContain("passwordHash");
    expect(json).not.toContain(user.passwordHash);
    expect(json).not.toContain("sessionVersion");
  });
});

it("exports the user's notifications and notification settings", async () => {
  const user = await createUser({ email: "anna@example.org" });
  await db().notification.create({ data: { userId: user.id, kind: "request.received", data: { path: "/notifications", orgName: "Nordic Health" } } });
  await db().notificationPreference.create({ data: { userId: user.id, kind: "request.received", delivery: "DIGEST" } });

  const data = await exportMyData({ actor: user.actor });
  expect(data.notifications).toEqual([expect.objectContaining({ kind: "request.received", data: { path: "/notifications", orgName: "Nordic Health" } })]);
  expect(data.account.notificationPreferences).toEqual([expect.objectContaining({ kind: "request.received", delivery: "DIGEST" })]);
});

describe("account deletion", () => {
  it("is refused while the user is the last owner of an organisation, and changes nothing", async () => {
    const user = await createUser({ email: "anna@example.org" });
    const org = await createOrganization(user.id, "Medicon Valley Alliance");
    const colleague = await createUser({ email: "colleague@example.org" });
    await db().membership.create({ data: { organizationId: org.id, userId: colleague.id, role: "ADMIN" } });

    const error = await domainError(() => deleteMyAccount({ password: PASSWORD }, { actor: user.actor, ip }));
    expect(error.messageKey).toBe("account.delete.lastOwner");
    expect(error.values).toEqual({ organizations: "Medicon Valley Alliance" });
    expect(await db().user.count({ where: { id: user.id } })).toBe(1);
    expect(await db().membership.count({ where: { organizationId: org.id } })).toBe(2);
    expect(await db().auditEvent.count({ where: { action: "user.deleted" } })).toBe(0);
  });

  it("needs the password", async () => {
    const user = await createUser();
    const error = await domainError(() => deleteMyAccount({ password: "not my password" }, { actor: user.actor, ip }));
    expect(error.messageKey).toBe("auth.password.wrongCurrent");
    expect(error.field).toBe("password");
    expect(await db().user.count()).toBe(1);
  });

  it("is allowed once another owner remains; the organisation and the audit trail stay", async () => {
    const user = await createUser({ email: "anna@example.org" });
    const org = await createOrganization(user.id);
    const coOwner = await createUser({ email: "co-owner@example.org" });
    await db().membership.create({ data: { organizationId: org.id, userId: coOwner.id, role: "OWNER" } });

    await deleteMyAccount({ password: PASSWORD }, { actor: user.actor, ip });

    expect(await db().user.count({ where: { id: user.id } })).toBe(0);
    expect(await db().membership.findMany({ where: { organizationId: org.id }, select: { userId: true, role: true } })).toEqual([
      { userId: coOwner.id, role: "OWNER" },
    ]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.deleted" } });
    expect(audit).toMatchObject({ actorId: user.id, actorEmail: "anna@example.org", ip });
  });

  it("is allowed for a user who owns nothing", async () => {
    const user = await createUser();
    await deleteMyAccount({ password: PASSWORD }, { actor: user.actor, ip });
    expect(await db().user.count()).toBe(0);
  });
});
