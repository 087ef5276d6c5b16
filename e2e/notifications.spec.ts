import { expect, test, type Page } from "@playwright/test";
import en from "../messages/en/notifications.json" with { type: "json" };
import { createApprovedOrganization, createUser, e2eDb, signIn } from "./fixtures";

const bell = en.Notifications.bell;
const pageTexts = en.Notifications.page;

/** The bell's accessible name for a count, as messages/en/notifications.json words it. */
function bellName(count: number): string {
  return count === 0 ? "Notifications" : `Notifications, ${count} unread`;
}

function bellButton(page: Page) {
  return page.getByRole("banner").getByRole("button", { name: /^Notifications/ });
}

async function notify(userId: string, org: { id: string; name: string; slug: string }, options: { kind: string; path: string; subject?: string; minutesAgo?: number }) {
  return e2eDb().notification.create({
    data: {
      userId,
      organizationId: org.id,
      kind: options.kind,
      data: { path: options.path, orgName: org.name, ...(options.subject ? { subject: options.subject } : {}) },
      createdAt: new Date(Date.now() - (options.minutesAgo ?? 0) * 60_000),
    },
  });
}

test.describe("notifications", () => {
  // Several sign-ins and page loads per test on a shared, busy machine.
  test.slow();

  test("the bell counts unread notices, opens to the item, and marks all read", async ({ page }) => {
    const user = await createUser();
    const org = await createApprovedOrganization({ owner: user, name: `Bell Cluster ${Date.now()}` });
    const approved = await notify(user.id, org, { kind: "profile.approved", path: `/o/${org.slug}/profile`, minutesAgo: 5 });
    await notify(user.id, org, { kind: "request.received", path: "/account", subject: "Joint pilot line", minutesAgo: 1 });

    await signIn(page, user);
    await expect(bellButton(page)).toHaveAccessibleName(bellName(2));

    await bellButton(page).click();
    const profileItem = page.getByRole("link", { name: new RegExp(`The profile of ${org.name} is verified`) });
    await expect(profileItem).toBeVisible();
    await expect(page.getByRole("link", { name: new RegExp(`${org.name} sent you a cooperation request: “Joint pilot line”`) })).toBeVisible();

    await profileItem.click();
    await expect(page).toHaveURL(new RegExp(`/o/${org.slug}/profile$`));
    await expect(bellButton(page)).toHaveAccessibleName(bellName(1));
    expect((await e2eDb().notification.findUniqueOrThrow({ where: { id: approved.id } })).readAt).not.toBeNull();

    // The count is the server's too: a fresh page load shows the same.
    await page.reload();
    await expect(bellButton(page)).toHaveAccessibleName(bellName(1));

    await bellButton(page).click();
    await page.getByRole("button", { name: bell.markAllRead }).click();
    await expect(bellButton(page)).toHaveAccessibleName(bellName(0));
    expect(await e2eDb().notification.count({ where: { userId: user.id, readAt: null } })).toBe(0);

    await page.getByRole("link", { name: bell.seeAll }).click();
    await expect(page).toHaveURL(/\/notifications$/);
    await expect(page.getByRole("heading", { level: 1, name: pageTexts.title })).toBeVisible();
    await expect(page.getByRole("table", { name: pageTexts.caption }).getByRole("row")).toHaveCount(3); // header + 2
  });

  test("the notifications page filters unread ones and marks one read", async ({ page }) => {
    const user = await createUser();
    const org = await createApprovedOrganization({ owner: user, name: `List Cluster ${Date.now()}` });
    const read = await notify(user.id, org, { kind: "partnership.ended", path: "/orgs", minutesAgo: 10 });
    await e2eDb().notification.update({ where: { id: read.id }, data: { readAt: new Date() } });
    const unread = await notify(user.id, org, { kind: "request.declined", path: "/orgs", subject: "Market entry in Brazil" });

    await signIn(page, user);
    await page.goto("/notifications?filter=unread");
    const table = page.getByRole("table", { name: pageTexts.caption });
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table.getByText(`${org.name} declined your cooperation request “Market entry in Brazil”`)).toBeVisible();
    await expect(table.getByText(`${org.name} ended your partnership`)).toHaveCount(0);

    await table.getByRole("button", { name: new RegExp(`^${pageTexts.markRead}`) }).click();
    await expect(page.getByRole("heading", { name: pageTexts.emptyUnreadTitle })).toBeVisible();
    await expect(bellButton(page)).toHaveAccessibleName(bellName(0));
    expect((await e2eDb().notification.findUniqueOrThrow({ where: { id: unread.id } })).readAt).not.toBeNull();

    await page.getByRole("link", { name: pageTexts.all, exact: true }).click();
    await expect(page.getByRole("table", { name: pageTexts.caption }).getByRole("row")).toHaveCount(3);
  });

  test("another user sees none of someone else's notifications", async ({ page }) => {
    const owner = await createUser();
    const org = await createApprovedOrganization({ owner });
    await notify(owner.id, org, { kind: "request.received", path: "/orgs", subject: "Private" });
    const intruder = await createUser();
    await signIn(page, intruder);
    await page.goto("/notifications");
    await expect(page.getByRole("heading", { name: pageTexts.emptyTitle })).toBeVisible();
    await expect(page.getByText("Private")).toHaveCount(0);
    await expect(bellButton(page)).toHaveAccessibleName(bellName(0));
  });

  test("a delivery choice on the account page is stored and shown after a reload", async ({ page }) => {
    const prefs = en.NotificationPreferences;
    const user = await createUser();
    await signIn(page, user);
    await page.goto("/account#notifications");
    const received = page.getByLabel(prefs.kinds.request.received, { exact: true });
    await expect(received).toHaveValue("IMMEDIATE");
    await received.selectOption("DIGEST");
    await page.getByLabel(prefs.kinds.partnership.ended, { exact: true }).selectOption("OFF");
    await page.getByRole("button", { name: prefs.submit }).click();
    await expect(page.getByText(prefs.saved)).toBeVisible();

    await page.reload();
    await expect(page.getByLabel(prefs.kinds.request.received, { exact: true })).toHaveValue("DIGEST");
    await expect(page.getByLabel(prefs.kinds.partnership.ended, { exact: true })).toHaveValue("OFF");
    await expect(page.getByLabel(prefs.kinds.request.message, { exact: true })).toHaveValue("IMMEDIATE");
    const stored = await e2eDb().notificationPreference.findMany({ where: { userId: user.id } });
    const byKind = Object.fromEntries(stored.map((p) => [p.kind, p.delivery]));
    expect(byKind).toMatchObject({ "partnership.ended": "OFF", "request.received": "DIGEST", "request.message": "IMMEDIATE" });
  });
});
