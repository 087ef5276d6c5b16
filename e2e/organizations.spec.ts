import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

import accounts from "../messages/en/accounts.json" with { type: "json" };
import orgs from "../messages/en/orgs.json" with { type: "json" };
import { slugify } from "../lib/orgs/slug";
import {
  DEFAULT_PASSWORD,
  addMember,
  createOrganization,
  createUser,
  e2eDb,
  firstLink,
  gotoHydrated,
  latestEmailTo,
  signIn,
  uniqueSuffix,
} from "./fixtures";

// Texts come from the catalogues, so a copy edit does not break the tests
// while a missing or untranslated text still does.

/** An ICU message with its placeholders filled ("Invitation sent to {email}."). */
function fill(message: string, values: Record<string, string>): string {
  return message.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}

async function openSwitcher(page: Page) {
  await page.getByRole("button", { name: orgs.OrgSwitcher.label }).click();
}

test.describe("organisations", () => {
  test("a newcomer signs up, creates an organisation and invites a colleague who joins as editor", async ({ page, browser }) => {
    test.setTimeout(90_000);
    const suffix = uniqueSuffix();
    const newcomer = { name: "Ingrid Newcomer", email: `newcomer-${suffix}@example.org`, password: DEFAULT_PASSWORD };
    const colleagueEmail = `colleague-${suffix}@example.org`;
    const orgName = `Øresund Robotics ${suffix}`;

    // Sign up in the browser.
    await gotoHydrated(page, "/signup");
    await page.getByLabel(accounts.SignUp.name).fill(newcomer.name);
    await page.getByLabel(accounts.SignUp.email).fill(newcomer.email);
    await page.getByRole("textbox", { name: accounts.SignUp.password, exact: true }).fill(newcomer.password);
    await page.getByRole("button", { name: accounts.SignUp.submit }).click();
    await expect(page.getByText(accounts.SignUp.checkInboxTitle)).toBeVisible();

    // Confirm the address from the development mailbox.
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(newcomer.email)}`);
    await page.locator('a[href*="/verify-email?token="]').first().click();
    await page.getByRole("button", { name: accounts.VerifyEmail.confirm }).click();
    await expect(page.getByText(accounts.VerifyEmail.successTitle)).toBeVisible();

    // Sign in: the landing page is "My organisations", empty for now.
    await signIn(page, newcomer);
    await gotoHydrated(page, "/orgs");
    await expect(page.getByRole("heading", { name: orgs.OrgsList.emptyTitle })).toBeVisible();

    // Create the organisation: the web address follows the name.
    await page.getByRole("link", { name: orgs.OrgsList.create }).first().click();
    await expect(page).toHaveURL("/orgs/new");
    await page.getByLabel(orgs.OrgCreate.name).fill(orgName);
    const slug = slugify(orgName);
    await expect(page.getByLabel(orgs.OrgCreate.slug)).toHaveValue(slug);
    await page.getByLabel(orgs.OrgCreate.country).selectOption("DK");
    await page.getByRole("button", { name: orgs.OrgCreate.submit }).click();
    await expect(page).toHaveURL(`/o/${slug}`);
    await expect(page.getByText(orgName).first()).toBeVisible();
    const owner = await e2eDb().membership.findFirstOrThrow({ where: { organization: { slug }, user: { email: newcomer.email } } });
    expect(owner.role).toBe("OWNER");

    // Invite a colleague as editor.
    await page.getByRole("navigation", { name: orgs.OrgNav.label }).getByRole("link", { name: orgs.OrgNav.members }).click();
    await expect(page).toHaveURL(`/o/${slug}/members`);
    await page.getByLabel(orgs.OrgInvitations.email).fill(colleagueEmail);
    await page.getByLabel(orgs.OrgInvitations.inviteRole).selectOption("EDITOR");
    await page.getByRole("button", { name: orgs.OrgInvitations.submit }).click();
    await expect(page.getByText(fill(orgs.OrgInvitations.sent, { email: colleagueEmail }))).toBeVisible();
    await expect(page.getByRole("list", { name: orgs.OrgInvitations.listLabel }).getByText(colleagueEmail)).toBeVisible();

    // The colleague opens the link from the e-mail in a browser of their own and signs up from it.
    const mail = await latestEmailTo(colleagueEmail);
    expect(mail?.kind).toBe("invitation");
    const link = firstLink(mail!.text);
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    const colleagueContext = await browser.newContext();
    const colleague = await colleagueContext.newPage();
    await colleague.goto(new URL(link).pathname);
    await expect(colleague.getByRole("heading", { level: 1, name: orgs.InvitePage.title })).toBeVisible();
    await expect(colleague.getByText(colleagueEmail, { exact: true })).toBeVisible();
    await expect(colleague.getByText(orgName, { exact: true })).toBeVisible();
    await colleague.getByRole("link", { name: orgs.InvitePage.createAccount }).click();
    await expect(colleague).toHaveURL(/\/signup\?invite=/);
    await colleague.getByLabel(accounts.SignUp.name).fill("Carl Colleague");
    await expect(colleague.getByLabel(accounts.SignUp.email)).toHaveValue(colleagueEmail);
    await colleague.getByRole("textbox", { name: accounts.SignUp.password, exact: true }).fill(DEFAULT_PASSWORD);
    await colleague.getByRole("button", { name: accounts.SignUp.submit }).click();
    await expect(colleague).toHaveURL(`/o/${slug}`);

    // On the members page the colleague is an editor.
    await colleague.goto(`/o/${slug}/members`);
    const row = colleague.getByRole("row").filter({ hasText: colleagueEmail });
    await expect(row.getByText(orgs.orgs.roles.EDITOR, { exact: true })).toBeVisible();
    await colleagueContext.close();

    // And the inviter no longer sees a pending invitation.
    await page.reload();
    await expect(page.getByText(orgs.OrgInvitations.empty)).toBeVisible();
  });

  test("the organisation switcher moves between the user's organisations", async ({ page }) => {
    const user = await createUser({ name: "Sven Switcher" });
    const first = await createOrganization({ owner: user, name: `Alpha Cluster ${uniqueSuffix()}` });
    const second = await createOrganization({ owner: user, name: `Beta Cluster ${uniqueSuffix()}` });
    const foreign = await createOrganization({ owner: await createUser(), name: `Foreign Cluster ${uniqueSuffix()}` });
    await signIn(page, user);

    await page.goto(`/o/${first.slug}`);
    const switcher = page.getByRole("button", { name: orgs.OrgSwitcher.label });
    await expect(switcher).toContainText(first.name);
    await expect(switcher).toHaveAttribute("aria-expanded", "false");

    await openSwitcher(page);
    await expect(switcher).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("link", { name: first.name })).toHaveAttribute("aria-current", "page");
    // Only the user's own organisations are offered.
    await expect(page.getByRole("link", { name: foreign.name })).toHaveCount(0);
    await page.getByRole("link", { name: second.name }).click();

    await expect(page).toHaveURL(`/o/${second.slug}`);
    await expect(switcher).toContainText(second.name);
    await expect(switcher).toHaveAttribute("aria-expanded", "false");

    // Escape closes the menu and gives focus back to its button.
    await openSwitcher(page);
    await page.keyboard.press("Escape");
    await expect(switcher).toHaveAttribute("aria-expanded", "false");
    await expect(switcher).toBeFocused();
  });

  // Every page of organisation A, requested by the owner of organisation B.
  const pagesOfA = [
    "",
    "/members",
    "/settings",
    "/audit",
    "/profile",
    "/requests",
    "/network",
    "/recommendations",
    "/members?page=2&sort=email.desc",
    "/audit?page=1&perPage=100",
    "/requests?box=sent&status=OPEN",
    "/network?includeEnded=1",
    "/recommendations?includeOwnCountry=1",
  ];
  // Pages of one request or partnership: their outsider tests need real rows of two organisations.
  const pagesTestedElsewhere: Record<string, string> = {
    "/requests/[id]": "e2e/requests.spec.ts",
    "/partnerships/[id]": "e2e/partnerships.spec.ts",
  };

  test("the outsider test lists every organisation page there is", () => {
    const root = path.join("app", "o", "[slug]");
    const pages = fs
      .readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((file) => path.basename(file) === "page.tsx")
      .map((file) => `/${path.dirname(file)}`.replace(/\/\.$/, ""))
      .map((route) => (route === "/" ? "" : route));
    const listed = new Set(pagesOfA.map((p) => p.split("?")[0]));
    const missing = pages.filter((route) => !listed.has(route) && !(route in pagesTestedElsewhere));
    expect(missing, "add these pages to pagesOfA").toEqual([]);
  });

  test("a member of another organisation gets 404 for every page of A, and nothing of A", async ({ page }) => {
    const ownerA = await createUser({ name: "Agnes Owner", email: `agnes-${uniqueSuffix()}@example.org` });
    const memberA = await createUser({ name: "Mads Member", email: `mads-${uniqueSuffix()}@example.org` });
    const orgA = await createOrganization({ owner: ownerA, name: `Secret Cluster ${uniqueSuffix()}` });
    await addMember({ organizationId: orgA.id, userId: memberA.id, role: "MEMBER" });
    const ownerB = await createUser({ name: "Bent Other" });
    await createOrganization({ owner: ownerB });
    await signIn(page, ownerB);

    for (const path of pagesOfA) {
      await test.step(`/o/A${path}`, async () => {
        const response = await page.goto(`/o/${orgA.slug}${path}`);
        expect(response?.status()).toBe(404);
        const body = await response!.text();
        for (const secret of [ownerA.email, memberA.email, orgA.name]) expect(body).not.toContain(secret);
      });
    }
    // The same answer as for an organisation that does not exist.
    const missing = await page.goto(`/o/no-such-cluster-${uniqueSuffix()}/members`);
    expect(missing?.status()).toBe(404);
  });

  test("a plain member sees the members but cannot invite, and is told the audit log is not for them", async ({ page }) => {
    const owner = await createUser();
    const member = await createUser({ name: "Mia Member" });
    const org = await createOrganization({ owner });
    await addMember({ organizationId: org.id, userId: member.id, role: "MEMBER" });
    await signIn(page, member);

    await page.goto(`/o/${org.slug}/members`);
    await expect(page.getByRole("heading", { level: 1, name: orgs.OrgMembers.title })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: owner.email })).toBeVisible();
    await expect(page.getByRole("heading", { name: orgs.OrgInvitations.inviteTitle })).toHaveCount(0);
    await expect(page.getByLabel(orgs.OrgInvitations.email)).toHaveCount(0);
    await expect(page.getByRole("button", { name: orgs.OrgMembers.remove })).toHaveCount(0);
    // Their own row offers "Leave", nothing else.
    await expect(page.getByRole("group", { name: fill(orgs.OrgMembers.actionsFor, { name: "Mia Member" }) }).getByRole("button")).toHaveText([
      orgs.OrgMembers.leave,
    ]);

    const nav = page.getByRole("navigation", { name: orgs.OrgNav.label });
    await expect(nav.getByRole("link", { name: orgs.OrgNav.audit })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: orgs.OrgNav.settings })).toHaveCount(0);

    const audit = await page.goto(`/o/${org.slug}/audit`);
    expect(audit?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: orgs.OrgAudit.notAllowedTitle })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);

    await gotoHydrated(page, `/o/${org.slug}/settings`);
    await expect(page.getByRole("heading", { name: orgs.OrgSettings.notAllowedTitle })).toBeVisible();
    await expect(page.getByRole("button", { name: orgs.OrgSettings.delete })).toHaveCount(0);
  });

  test("an admin may invite only up to admin, and the audit log shows what happened", async ({ page }) => {
    const owner = await createUser({ name: "Olga Owner" });
    const admin = await createUser({ name: "Adam Admin" });
    const org = await createOrganization({ owner });
    await addMember({ organizationId: org.id, userId: admin.id, role: "ADMIN" });
    await signIn(page, admin);

    await gotoHydrated(page, `/o/${org.slug}/members`);
    const roleSelect = page.getByLabel(orgs.OrgInvitations.inviteRole);
    await expect(roleSelect.locator("option")).toHaveText([orgs.orgs.roles.ADMIN, orgs.orgs.roles.EDITOR, orgs.orgs.roles.MEMBER]);
    // The owner's row has no actions for an admin.
    await expect(page.getByRole("group", { name: fill(orgs.OrgMembers.actionsFor, { name: "Olga Owner" }) })).toHaveCount(0);

    const invitee = `invitee-${uniqueSuffix()}@example.org`;
    await page.getByLabel(orgs.OrgInvitations.email).fill(invitee);
    await page.getByRole("button", { name: orgs.OrgInvitations.submit }).click();
    await expect(page.getByRole("list", { name: orgs.OrgInvitations.listLabel }).getByText(invitee)).toBeVisible();

    await page.getByRole("button", { name: fill(orgs.OrgInvitations.revokeLabel, { email: invitee }) }).click();
    await expect(page.getByText(orgs.OrgInvitations.empty)).toBeVisible();

    await page.goto(`/o/${org.slug}/audit`);
    const rows = page.getByRole("row").filter({ hasText: invitee });
    await expect(rows.filter({ hasText: orgs.AuditActions.invitation.created })).toHaveCount(1);
    await expect(rows.filter({ hasText: orgs.AuditActions.invitation.revoked })).toHaveCount(1);
    await expect(rows.first()).toContainText(admin.email);
  });

  test("an existing user accepts from the invitation page; another account is told to switch", async ({ page, browser }) => {
    const owner = await createUser();
    const org = await createOrganization({ owner, name: `Invite Cluster ${uniqueSuffix()}` });
    const invitee = await createUser({ name: "Ines Invitee" });
    const intruder = await createUser({ name: "Ivan Intruder" });
    await signIn(page, owner);
    await gotoHydrated(page, `/o/${org.slug}/members`);
    await page.getByLabel(orgs.OrgInvitations.email).fill(invitee.email);
    await page.getByRole("button", { name: orgs.OrgInvitations.submit }).click();
    await expect(page.getByRole("list", { name: orgs.OrgInvitations.listLabel }).getByText(invitee.email)).toBeVisible();
    const path = new URL(firstLink((await latestEmailTo(invitee.email))!.text)).pathname;

    // Another signed-in account sees whom it is for, and no accept button.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, intruder);
    await otherPage.goto(path);
    await expect(otherPage.getByText(orgs.InvitePage.otherEmailTitle)).toBeVisible();
    await expect(otherPage.getByRole("button", { name: orgs.InvitePage.accept })).toHaveCount(0);
    await other.close();

    // The invitee, signed out, signs in from the page and comes back to accept.
    const own = await browser.newContext();
    const invitePage = await own.newPage();
    await gotoHydrated(invitePage, path);
    await invitePage.getByRole("link", { name: orgs.InvitePage.signInToAccept }).click();
    await invitePage.getByLabel(accounts.SignIn.email).fill(invitee.email);
    await invitePage.getByRole("textbox", { name: accounts.SignIn.password, exact: true }).fill(invitee.password);
    await invitePage.getByRole("button", { name: accounts.SignIn.submit }).click();
    await expect(invitePage).toHaveURL(path);
    await invitePage.getByRole("button", { name: orgs.InvitePage.accept }).click();
    await expect(invitePage).toHaveURL(`/o/${org.slug}`);
    await expect(invitePage.getByRole("button", { name: orgs.OrgSwitcher.label })).toContainText(org.name);

    // The link is spent.
    await invitePage.goto(path);
    await expect(invitePage.getByRole("heading", { level: 1, name: orgs.InvitePage.usedTitle })).toBeVisible();
    await own.close();
    const membership = await e2eDb().membership.findFirst({ where: { organizationId: org.id, userId: invitee.id } });
    expect(membership?.role).toBe("MEMBER");
  });

  test("the owner changes the web address, then deletes the organisation after typing its name", async ({ page }) => {
    const owner = await createUser();
    const org = await createOrganization({ owner, name: `Doomed Cluster ${uniqueSuffix()}` });
    const newSlug = `renamed-${uniqueSuffix()}`;
    await signIn(page, owner);

    await gotoHydrated(page, `/o/${org.slug}/settings`);
    await page.getByLabel(orgs.OrgSettings.slug).fill(newSlug);
    await page.getByRole("button", { name: orgs.OrgSettings.save }).click();
    await expect(page).toHaveURL(`/o/${newSlug}/settings`);
    expect((await page.goto(`/o/${org.slug}`))?.status()).toBe(404);

    await gotoHydrated(page, `/o/${newSlug}/settings`);
    await page.getByRole("button", { name: orgs.OrgSettings.delete }).click();
    const dialog = page.getByRole("dialog");
    const confirm = dialog.getByRole("button", { name: orgs.OrgSettings.deleteConfirm });
    await dialog.getByRole("textbox").fill("not the name");
    await expect(confirm).toBeDisabled();
    await dialog.getByRole("textbox").fill(org.name);
    await confirm.click();
    await expect(page).toHaveURL("/orgs");
    expect(await e2eDb().organization.findUnique({ where: { id: org.id } })).toBeNull();
  });
});
