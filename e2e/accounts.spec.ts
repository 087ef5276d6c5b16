import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";

import en from "../messages/en/accounts.json" with { type: "json" };
import ru from "../messages/ru/accounts.json" with { type: "json" };
import enDomain from "../messages/en/domain.json" with { type: "json" };
import ruDomain from "../messages/ru/domain.json" with { type: "json" };
import { createToken } from "../lib/auth/tokens";
import { createOrganization, createUser, e2eDb, gotoHydrated, signIn, uniqueSuffix } from "./fixtures";

// Accounts in a real browser: sign-up with e-mail verification through the
// development mailbox, sign-in and its errors, the lock-out after repeated
// wrong passwords, password reset, and the account page. Texts come from the
// message catalogues, so a copy edit does not break a test but a missing or
// untranslated text does.

test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" } });

/** A placeholder-free start of a message, for texts with values in them. */
function prefix(message: string): string {
  return message.split("{")[0]!.trim();
}

async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel(en.SignIn.email).fill(email);
  await page.getByRole("textbox", { name: en.SignIn.password, exact: true }).fill(password);
  const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: en.SignIn.submit }).click();
  await answered;
}

/** Opens the development mailbox for one address and follows the link of its newest e-mail. */
async function followLinkInMailbox(page: Page, email: string, subject: string, path: string) {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  await expect(page.getByRole("heading", { level: 1, name: en.Mailbox.title })).toBeVisible();
  const message = page.getByRole("article", { name: subject }).first();
  await expect(message).toBeVisible();
  await expect(message.getByText(email, { exact: true })).toBeVisible();
  await message.getByRole("link", { name: new RegExp(`${path.replace("/", "\\/")}\\?token=`) }).click();
  await expect(page).toHaveURL(new RegExp(`${path}\\?token=`));
}

test("a newcomer signs up, confirms the address from the mailbox, signs in and out", async ({ page }) => {
  const email = `newcomer-${uniqueSuffix()}@example.org`;
  const password = "a long and memorable passphrase";

  await gotoHydrated(page, "/signup");
  await expect(page.getByRole("heading", { level: 1, name: en.SignUp.title })).toBeVisible();
  await page.getByLabel(en.SignUp.name).fill("Nora Newcomer");
  await page.getByLabel(en.SignUp.email).fill(email);
  await page.getByRole("textbox", { name: en.SignUp.password, exact: true }).fill(password);
  await page.getByRole("button", { name: en.SignUp.submit }).click();
  await expect(page.getByRole("status").filter({ hasText: en.SignUp.checkInboxTitle })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  const stored = await e2eDb().user.findUniqueOrThrow({ where: { email } });
  expect(stored.emailVerifiedAt).toBeNull();

  // Not confirmed yet: signing in is refused with a clear message.
  await page.goto("/signin");
  await fillSignIn(page, email, password);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(enDomain.auth.signIn.emailNotVerified);

  await followLinkInMailbox(page, email, enDomain.email.verifyEmail.subject, "/verify-email");
  // Opening the link changes nothing: the button does.
  expect((await e2eDb().user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeNull();
  const confirmUrl = page.url();
  await page.getByRole("button", { name: en.VerifyEmail.confirm }).click();
  await expect(page.getByText(en.VerifyEmail.successTitle)).toBeVisible();
  expect((await e2eDb().user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull();

  // The same link again says it was used and offers a new one.
  await page.goto(confirmUrl);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(en.VerifyEmail.status.used);
  await expect(page.getByRole("button", { name: en.VerifyEmail.resendSubmit })).toBeVisible();

  await page.goto("/signin?notice=verified");
  await expect(page.getByRole("status").filter({ hasText: en.SignIn.notices.verified })).toBeVisible();
  await fillSignIn(page, email, password);
  await expect(page).toHaveURL(/\/orgs$/);

  // Signed in: the account page opens on this account.
  await gotoHydrated(page, "/account");
  await expect(page.getByRole("heading", { level: 1, name: en.Account.title })).toBeVisible();
  await expect(page.getByText(en.Account.lead.replace("{email}", email))).toBeVisible();

  await page.goto("/signout");
  await page.getByRole("button", { name: en.SignOut.submit }).click();
  await expect(page).toHaveURL(/\/$/);
  await gotoHydrated(page, "/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
});

test("a wrong password shows the one generic error", async ({ page }) => {
  const user = await createUser();
  await page.goto("/signin");
  await fillSignIn(page, user.email, "not the right password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(enDomain.auth.signIn.invalidCredentials);
  await expect(page).toHaveURL(/\/signin/);

  // An unknown address gets exactly the same answer.
  await fillSignIn(page, `nobody-${uniqueSuffix()}@example.org`, "not the right password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(enDomain.auth.signIn.invalidCredentials);
});

test("sign-in is blocked after 5 wrong passwords for one account, even with the right one", async ({ page }) => {
  const user = await createUser();
  await page.goto("/signin");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await fillSignIn(page, user.email, `wrong password number ${attempt}`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(enDomain.auth.signIn.invalidCredentials);
  }

  // The count lives in PostgreSQL, so every app instance sees it.
  const counter = await e2eDb().rateLimit.findFirst({ where: { key: { contains: user.email } } });
  expect(counter?.points).toBeGreaterThanOrEqual(5);

  await fillSignIn(page, user.email, user.password);
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText(prefix(enDomain.auth.signIn.rateLimited));
  await expect(alert).toContainText("15 minutes");
  await expect(page).toHaveURL(/\/signin/);
});

test("a forgotten password is reset from the mailbox; the old one stops working", async ({ page }) => {
  const user = await createUser();
  const newPassword = "a fresh passphrase for spring";

  await gotoHydrated(page, "/signin");
  await page.getByRole("link", { name: en.SignIn.forgotPassword }).click();
  await expect(page.getByRole("heading", { level: 1, name: en.ForgotPassword.title })).toBeVisible();
  await page.getByLabel(en.ForgotPassword.email).fill(user.email);
  await page.getByRole("button", { name: en.ForgotPassword.submit }).click();
  await expect(page.getByRole("status").filter({ hasText: en.ForgotPassword.doneTitle })).toBeVisible();

  await followLinkInMailbox(page, user.email, enDomain.email.resetPassword.subject, "/reset-password");
  const resetUrl = page.url();
  await page.getByLabel(en.ResetPassword.password).fill(newPassword);
  await page.getByRole("button", { name: en.ResetPassword.submit }).click();
  await expect(page).toHaveURL(/\/signin\?notice=passwordReset$/);
  await expect(page.getByRole("status").filter({ hasText: en.SignIn.notices.passwordReset })).toBeVisible();

  await fillSignIn(page, user.email, user.password);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(enDomain.auth.signIn.invalidCredentials);
  await fillSignIn(page, user.email, newPassword);
  await expect(page).toHaveURL(/\/orgs$/);

  // The link works once.
  await page.goto(resetUrl);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(en.ResetPassword.status.used);
  await expect(page.getByRole("link", { name: en.ResetPassword.requestNew })).toHaveAttribute("href", "/forgot-password");
});

test("signing up from an invitation link joins the organisation and signs in at once", async ({ page }) => {
  const owner = await createUser();
  const org = await createOrganization({ owner, name: `Invite Cluster ${uniqueSuffix()}` });
  const email = `invitee-${uniqueSuffix()}@example.org`;
  const { token, tokenHash } = createToken();
  await e2eDb().invitation.create({
    data: { organizationId: org.id, email, role: "EDITOR", tokenHash, invitedById: owner.id, expiresAt: new Date(Date.now() + 86_400_000) },
  });

  await page.goto(`/signup?invite=${token}`);
  await expect(page.getByRole("heading", { level: 1, name: en.SignUp.invitedTitle.replace("{orgName}", org.name) })).toBeVisible();
  const emailField = page.getByLabel(en.SignUp.email);
  await expect(emailField).toHaveValue(email);
  await expect(emailField).toHaveAttribute("readonly", "");
  await page.getByLabel(en.SignUp.name).fill("Ivan Invitee");
  await page.getByRole("textbox", { name: en.SignUp.password, exact: true }).fill("an invitation well accepted");
  await page.getByRole("button", { name: en.SignUp.submit }).click();

  await expect(page).toHaveURL(new RegExp(`/o/${org.slug}$`));
  const user = await e2eDb().user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
  expect(user.emailVerifiedAt).not.toBeNull();
  expect(user.memberships.map((m) => [m.organizationId, m.role])).toEqual([[org.id, "EDITOR"]]);
  await gotoHydrated(page, "/account");
  await expect(page.getByText(en.Account.lead.replace("{email}", email))).toBeVisible();

  // The link is spent: opening it again says so, and offers a plain sign-up.
  await page.context().clearCookies();
  await page.goto(`/signup?invite=${token}`);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(en.SignUp.inviteUnavailable.used);
  await expect(page.getByLabel(en.SignUp.email)).toHaveValue("");
});

test("the sign-up form shows field errors in the page and creates nothing", async ({ page }) => {
  const before = await e2eDb().user.count();
  await gotoHydrated(page, "/signup");
  await page.getByLabel(en.SignUp.email).fill("not-an-email");
  await page.getByRole("textbox", { name: en.SignUp.password, exact: true }).fill("short");
  await page.getByRole("button", { name: en.SignUp.submit }).click();

  await expect(page.getByText(enDomain.auth.name.required)).toBeVisible();
  await expect(page.getByText(enDomain.auth.email.invalid)).toBeVisible();
  await expect(page.getByText(enDomain.auth.password.tooShort)).toBeVisible();
  await expect(page.getByLabel(en.SignUp.email)).toHaveAttribute("aria-invalid", "true");

  // A password attackers try first is refused too.
  await page.getByLabel(en.SignUp.name).fill("Anna");
  await page.getByLabel(en.SignUp.email).fill(`anna-${uniqueSuffix()}@example.org`);
  await page.getByRole("textbox", { name: en.SignUp.password, exact: true }).fill("password123");
  await page.getByRole("button", { name: en.SignUp.submit }).click();
  await expect(page.getByText(enDomain.auth.password.tooCommon)).toBeVisible();
  expect(await e2eDb().user.count()).toBe(before);
});

test.describe("in Russian", () => {
  test.use({ locale: "ru-RU", extraHTTPHeaders: { "Accept-Language": "ru-RU,ru;q=0.9" } });

  test("the sign-up form shows its field errors in Russian", async ({ page }) => {
    await gotoHydrated(page, "/signup");
    await expect(page.getByRole("heading", { level: 1, name: ru.SignUp.title })).toBeVisible();
    await page.getByLabel(ru.SignUp.email).fill("не адрес");
    await page.getByRole("textbox", { name: ru.SignUp.password, exact: true }).fill("короткий");
    await page.getByRole("button", { name: ru.SignUp.submit }).click();

    await expect(page.getByText(ruDomain.auth.name.required)).toBeVisible();
    await expect(page.getByText(ruDomain.auth.email.invalid)).toBeVisible();
    await expect(page.getByText(ruDomain.auth.password.tooShort)).toBeVisible();
  });
});

test.describe("the account page", () => {
  test("the profile saves the name and the language, and the page follows the language", async ({ page }) => {
    const user = await createUser();
    await signIn(page, user);
    await gotoHydrated(page, "/account");

    const section = page.getByRole("region", { name: en.Account.profile.title });
    await section.getByLabel(en.Account.profile.name).fill("");
    await section.getByRole("button", { name: en.Account.profile.submit }).click();
    await expect(section.getByText(enDomain.auth.name.required)).toBeVisible();

    await section.getByLabel(en.Account.profile.name).fill("Anna Karlsson");
    await section.getByLabel(en.Account.profile.language).selectOption("ru");
    await section.getByRole("button", { name: en.Account.profile.submit }).click();
    await expect(page.getByRole("heading", { level: 1, name: ru.Account.title })).toBeVisible();
    expect(await e2eDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, locale: true } })).toEqual({
      name: "Anna Karlsson",
      locale: "ru",
    });
  });

  test("a password change signs out everywhere and asks to sign in again", async ({ page }) => {
    const user = await createUser();
    await signIn(page, user);
    await gotoHydrated(page, "/account");

    const section = page.getByRole("region", { name: en.Account.password.title });
    await section.getByLabel(en.Account.password.current).fill("not my password");
    await section.getByLabel(en.Account.password.new).fill("a new and longer passphrase");
    await section.getByRole("button", { name: en.Account.password.submit }).click();
    await expect(section.getByText(enDomain.auth.password.wrongCurrent)).toBeVisible();

    await section.getByLabel(en.Account.password.current).fill(user.password);
    await section.getByRole("button", { name: en.Account.password.submit }).click();
    await expect(page).toHaveURL(/\/signin\?notice=passwordChanged$/);
    await expect(page.getByRole("status").filter({ hasText: en.SignIn.notices.passwordChanged })).toBeVisible();
    await gotoHydrated(page, "/account");
    await expect(page).toHaveURL(/\/signin/);

    await signIn(page, { email: user.email, password: "a new and longer passphrase" });
    await expect(page).toHaveURL(/\/orgs$/);
  });

  test("deleting the account is refused for the last owner of an organisation, with the reason", async ({ page }) => {
    const user = await createUser();
    const org = await createOrganization({ owner: user, name: `Solo Cluster ${uniqueSuffix()}` });
    await signIn(page, user);
    await gotoHydrated(page, "/account");

    await page.getByRole("button", { name: en.Account.delete.open }).click();
    const dialog = page.getByRole("dialog", { name: en.Account.delete.confirmTitle });
    await dialog.getByLabel(en.Account.delete.password).fill(user.password);
    await dialog.getByRole("button", { name: en.Account.delete.submit }).click();
    await expect(dialog.getByRole("alert")).toContainText(prefix(en.account.delete.lastOwner));
    await expect(dialog.getByRole("alert")).toContainText(org.name);
    expect(await e2eDb().user.count({ where: { id: user.id } })).toBe(1);
  });

  test("the data export downloads the account as JSON, and needs a session", async ({ page, request }) => {
    const signedOut = await request.get("/api/account/export");
    expect(signedOut.status()).toBe(401);
    expect(await signedOut.json()).toEqual({ error: enDomain.errors.signedOut });

    const user = await createUser();
    await signIn(page, user);
    await gotoHydrated(page, "/account");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: en.Account.export.link }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^covalent-account-\d{4}-\d{2}-\d{2}\.json$/);
    const text = fs.readFileSync(await file.path(), "utf8");
    const data = JSON.parse(text);
    expect(data.account.email).toBe(user.email);
    expect(text).not.toContain("passwordHash");
  });
});
