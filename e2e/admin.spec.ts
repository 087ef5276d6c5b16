import { expect, test, type Page } from "@playwright/test";

import admin from "../messages/en/admin.json" with { type: "json" };
import domain from "../messages/en/domain.json" with { type: "json" };
import ui from "../messages/en/ui.json" with { type: "json" };
import accounts from "../messages/en/accounts.json" with { type: "json" };
import { ADMIN_LOGIN } from "../prisma/seed";
import { createOrganization, createUser, e2eDb, gotoHydrated, signIn, uniqueSuffix } from "./fixtures";

// Texts come from the catalogues, so a copy edit does not break the test
// while a missing translation or a changed behaviour does.
const U = admin.AdminUsers;
const fill = (message: string, values: Record<string, string>) =>
  Object.entries(values).reduce((text, [key, value]) => text.replaceAll(`{${key}}`, value), message);

const ADMIN_PATHS = ["/admin", "/admin/users", "/admin/organizations"];

async function searchUsers(page: Page, text: string) {
  await page.getByLabel(U.searchLabel).fill(text);
  await page.getByRole("button", { name: U.search, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
}

/** What next-auth says about the browser's session cookie. */
async function sessionUserId(page: Page): Promise<string | undefined> {
  const response = await page.request.get("/api/auth/session");
  const body = (await response.json()) as { user?: { id?: string } };
  return body.user?.id;
}

test.describe("platform administration", () => {
  test("an administrator suspends a user: their session ends, sign-in is refused, and lifting it lets them back", async ({
    page,
    browser,
  }) => {
    test.setTimeout(60_000);
    const suffix = uniqueSuffix();
    const target = await createUser({ name: `Suspend Me ${suffix}`, email: `suspend-${suffix}@example.org` });
    const bystander = await createUser({ name: `Bystander ${suffix}`, email: `bystander-${suffix}@example.org` });

    // The user is signed in in a browser of their own before the suspension.
    const targetContext = await browser.newContext();
    const targetPage = await targetContext.newPage();
    await signIn(targetPage, target);
    await targetPage.goto("/account");
    await expect(targetPage).toHaveURL(/\/account$/);
    expect(await sessionUserId(targetPage)).toBe(target.id);

    await signIn(page, ADMIN_LOGIN);
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: U.title })).toBeVisible();
    await searchUsers(page, target.email);

    const table = page.getByRole("table", { name: U.caption });
    const row = table.getByRole("row").filter({ hasText: target.email });
    await expect(row).toHaveCount(1);
    await expect(table.getByRole("row").filter({ hasText: bystander.email })).toHaveCount(0);
    await expect(row).toContainText(U.statusActive);

    // Cancelling the dialog changes nothing.
    await row.getByRole("button", { name: fill(U.suspendLabel, { name: target.name }) }).click();
    const suspendDialog = page.getByRole("dialog", { name: fill(U.suspendTitle, { name: target.name }) });
    await expect(suspendDialog).toBeVisible();
    await suspendDialog.getByRole("button", { name: U.cancel }).click();
    await expect(suspendDialog).toBeHidden();
    expect((await e2eDb().user.findUniqueOrThrow({ where: { id: target.id } })).suspendedAt).toBeNull();

    await row.getByRole("button", { name: fill(U.suspendLabel, { name: target.name }) }).click();
    await suspendDialog.getByRole("button", { name: U.confirmSuspend }).click();
    await expect(suspendDialog).toBeHidden();
    await expect(page.getByText(fill(U.suspended, { name: target.name }))).toBeVisible();
    await expect(row).toContainText(U.statusSuspended);

    const suspended = await e2eDb().user.findUniqueOrThrow({ where: { id: target.id } });
    expect(suspended.suspendedAt).not.toBeNull();
    expect(suspended.sessionVersion).toBe(target.sessionVersion + 1);
    const bystanderAfter = await e2eDb().user.findUniqueOrThrow({ where: { id: bystander.id } });
    expect(bystanderAfter.suspendedAt).toBeNull();

    // The suspended user's open session ends on their next page load.
    await targetPage.goto("/account");
    await expect(targetPage).toHaveURL(/\/signin/);
    expect(await sessionUserId(targetPage)).toBeUndefined();

    // Signing in again is refused with the "suspended" message.
    await targetPage.getByLabel(accounts.SignIn.email).fill(target.email);
    await targetPage.getByRole("textbox", { name: accounts.SignIn.password, exact: true }).fill(target.password);
    await targetPage.getByRole("button", { name: accounts.SignIn.submit }).click();
    await expect(targetPage.getByRole("alert").filter({ hasText: domain.auth.signIn.suspended })).toBeVisible();
    await expect(targetPage).toHaveURL(/\/signin/);
    expect(await sessionUserId(targetPage)).toBeUndefined();

    // The overview lists the action.
    await page.goto("/admin");
    const recent = page.getByRole("region", { name: admin.AdminOverview.recentTitle });
    await expect(recent.getByRole("listitem").filter({ hasText: target.email })).toContainText(ADMIN_LOGIN.email);

    // Lifting the suspension lets the user sign in again.
    await page.goto(`/admin/users?q=${encodeURIComponent(target.email)}`);
    await row.getByRole("button", { name: fill(U.unsuspendLabel, { name: target.name }) }).click();
    const unsuspendDialog = page.getByRole("dialog", { name: fill(U.unsuspendTitle, { name: target.name }) });
    await unsuspendDialog.getByRole("button", { name: U.confirmUnsuspend }).click();
    await expect(unsuspendDialog).toBeHidden();
    await expect(row).toContainText(U.statusActive);
    expect((await e2eDb().user.findUniqueOrThrow({ where: { id: target.id } })).suspendedAt).toBeNull();

    await signIn(targetPage, target);
    expect(await sessionUserId(targetPage)).toBe(target.id);
    await targetContext.close();
  });

  test("an administrator sees organisations with their country, and cannot suspend themselves", async ({ page }) => {
    const suffix = uniqueSuffix();
    const owner = await createUser();
    const org = await createOrganization({ owner, name: `Fjord Robotics ${suffix}`, country: "NO" });
    const other = await createOrganization({ owner, name: `Alpine Foods ${suffix}`, country: "CH" });
    await signIn(page, ADMIN_LOGIN);

    await gotoHydrated(page, "/admin/organizations");
    await expect(page.getByRole("heading", { level: 1, name: admin.AdminOrganizations.title })).toBeVisible();
    await page.getByLabel(admin.AdminOrganizations.searchLabel).fill(`fjord robotics ${suffix}`);
    await page.getByRole("button", { name: admin.AdminOrganizations.search, exact: true }).click();
    await expect(page).toHaveURL(/[?&]q=fjord/);
    const rows = page.getByRole("table", { name: admin.AdminOrganizations.caption }).getByRole("row");
    const row = rows.filter({ hasText: org.name });
    await expect(row).toContainText("Norway");
    await expect(row).toContainText(org.slug);
    await expect(rows.filter({ hasText: other.name })).toHaveCount(0);

    await page.goto(`/admin/users?q=${encodeURIComponent(ADMIN_LOGIN.email)}`);
    const own = page.getByRole("table", { name: U.caption }).getByRole("row").filter({ hasText: ADMIN_LOGIN.email });
    await expect(own).toContainText(U.platformAdmin);
    await expect(own.getByRole("button")).toHaveCount(0);
  });

  test("a visitor gets 404 on every admin page", async ({ page }) => {
    for (const path of ADMIN_PATHS) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: ui.NotFound.title })).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
    }
  });

  test("a signed-in user who is not an administrator gets 404 on every admin page", async ({ page }) => {
    const user = await createUser({ name: `Not Admin ${uniqueSuffix()}` });
    await signIn(page, user);
    for (const path of ADMIN_PATHS) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: ui.NotFound.title })).toBeVisible();
      await expect(page.getByText(admin.AdminNav.eyebrow)).toHaveCount(0);
    }
  });
});
