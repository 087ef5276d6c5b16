import { register } from "node:module";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createTranslator } from "next-intl";

import messages from "../messages/en/requests.json" with { type: "json" };
import orgMessages from "../messages/en/orgs.json" with { type: "json" };
import type { RequestKind } from "../lib/db/generated/enums";
import { createApprovedOrganization, createUser, e2eDb, signIn, uniqueSuffix } from "./fixtures";

// Texts come from the catalogue (rendered with next-intl's own translator),
// so a copy edit does not break the tests while a missing text still does.
const rc = createTranslator({ locale: "en", messages, namespace: "RequestCooperation" });
const list = createTranslator({ locale: "en", messages, namespace: "Requests" });
const page_ = createTranslator({ locale: "en", messages, namespace: "RequestPage" });
const nav = createTranslator({ locale: "en", messages, namespace: "RequestsNav" });
const statuses = messages.requests.statuses;

type Org = Awaited<ReturnType<typeof createApprovedOrganization>>;
type User = Awaited<ReturnType<typeof createUser>>;

/**
 * The request job, run here with a `now` of our choosing. It imports
 * "server-only" (a marker that throws outside React server bundles), so a
 * resolve hook hands this process an empty module for it first; and the
 * mail templates import message files as JSON the way the bundler allows.
 */
async function importRequestDeadlines() {
  register(
    "data:text/javascript," +
      encodeURIComponent(
        `export async function resolve(specifier, context, next) {
          if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
          return next(specifier, context);
        }
        export async function load(url, context, next) {
          if (!url.endsWith(".json")) return next(url, context);
          return next(url, { ...context, importAttributes: { ...context.importAttributes, type: "json" } });
        }`,
      ),
  );
  const { runRequestDeadlines } = await import("../lib/requests/expire-requests");
  return runRequestDeadlines;
}

async function signedInPage(browser: Browser, user: User): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

async function twoOrganizations() {
  const s = uniqueSuffix();
  const userA = await createUser({ name: `Anna ${s}` });
  const userB = await createUser({ name: `Bruno ${s}` });
  const orgA = await createApprovedOrganization({ owner: userA, name: `Alpha Cluster ${s}`, country: "DK" });
  const orgB = await createApprovedOrganization({ owner: userB, name: `Beta Pôle ${s}`, country: "FR" });
  return { userA, userB, orgA, orgB };
}

/** An open request from `sender` to `receiver`, written straight to the database (what sending stores). */
async function createOpenRequest(
  sender: Org,
  receiver: Org,
  author: User,
  options: { kind?: RequestKind; createdAt?: Date; expiresAt?: Date; remindedAt?: Date } = {},
) {
  const createdAt = options.createdAt ?? new Date();
  const subject = `Supply chain for sensors ${uniqueSuffix()}`;
  const request = await e2eDb().cooperationRequest.create({
    data: {
      senderId: sender.id,
      receiverId: receiver.id,
      kind: options.kind ?? "SUPPLY_CHAIN",
      subject,
      createdById: author.id,
      createdAt,
      lastActivityAt: createdAt,
      lastActorOrgId: sender.id,
      senderSeenAt: createdAt,
      expiresAt: options.expiresAt ?? new Date(createdAt.getTime() + 30 * 86_400_000),
      remindedAt: options.remindedAt,
      messages: { create: { organizationId: sender.id, authorId: author.id, authorName: author.name, kind: "OPENING", body: "Could your members supply us?", createdAt } },
    },
  });
  return { id: request.id, subject };
}

function statusBadge(page: Page) {
  return page.locator("header [data-status]");
}

function thread(page: Page) {
  return page.getByTestId("request-thread");
}

test.describe("cooperation requests", () => {
  // Two people sign in (deliberately slow password hashing) on a shared machine.
  test.describe.configure({ timeout: 120_000 });

  test("request from the public profile, reply, accept: both sides see the same thread", async ({ browser }) => {
    const { userA, userB, orgA, orgB } = await twoOrganizations();
    const subject = `Joint Horizon call ${uniqueSuffix()}`;
    const opening = "We are building a consortium for the smart health call. Would you join?";

    // A finds B's public profile and sends a request (a double click sends once).
    const pageA = await signedInPage(browser, userA);
    await pageA.goto(`/clusters/${orgB.slug}`);
    const box = pageA.locator("#request-cooperation");
    await expect(box.getByRole("heading", { name: rc("title") })).toBeVisible();
    await box.getByLabel(rc("kind")).selectOption("TECHNOLOGY_TRANSFER");
    await box.getByLabel(rc("subject")).fill(subject);
    await box.getByRole("textbox", { name: rc("message") }).fill(opening);
    await box.getByRole("button", { name: rc("submit") }).dblclick();
    await expect(box.getByText(rc("sentTitle"))).toBeVisible();
    expect(await e2eDb().cooperationRequest.count({ where: { senderId: orgA.id, receiverId: orgB.id } })).toBe(1);
    await box.getByRole("link", { name: rc("openRequest") }).click();
    await expect(pageA).toHaveURL(new RegExp(`/o/${orgA.slug}/requests/[A-Za-z0-9]+$`));
    const requestId = pageA.url().split("/").pop()!;
    await expect(pageA.getByRole("heading", { level: 1, name: subject })).toBeVisible();
    await expect(statusBadge(pageA)).toHaveText(statuses.OPEN);

    // B sees it unread in the inbox, with the count in the navigation.
    const pageB = await signedInPage(browser, userB);
    await pageB.goto(`/o/${orgB.slug}/requests`);
    const orgNav = pageB.getByRole("navigation", { name: orgMessages.OrgNav.label });
    await expect(orgNav.getByRole("link", { name: nav("unread", { count: 1 }) })).toBeVisible();
    await expect(orgNav.getByTestId("nav-badge")).toHaveText(/^1/);
    const unreadLink = pageB.getByRole("link", { name: `${list("unreadLabel")}: ${subject}` });
    await expect(unreadLink).toBeVisible();
    await expect(pageB.getByRole("row").filter({ hasText: subject })).toContainText(orgA.name);
    await unreadLink.click();
    await expect(pageB).toHaveURL(new RegExp(`/o/${orgB.slug}/requests/${requestId}$`));
    await expect(thread(pageB)).toContainText(opening);
    // Opened: the count in the navigation goes (without reloading the page).
    await expect(orgNav.getByTestId("nav-badge")).toHaveCount(0);

    // B replies.
    const reply = "Yes, gladly. Which work package would you like us to lead?";
    await pageB.getByRole("textbox", { name: page_("replyLabel") }).fill(reply);
    await pageB.getByRole("button", { name: page_("replySubmit") }).click();
    await expect(thread(pageB)).toContainText(reply);
    // Seen by B: no longer marked in B's inbox.
    await pageB.goto(`/o/${orgB.slug}/requests`);
    await expect(pageB.getByRole("link", { name: subject, exact: true })).toBeVisible();
    await expect(orgNav.getByTestId("nav-badge")).toHaveCount(0);

    // A sees the reply as news in the sent box, then in the thread.
    await pageA.goto(`/o/${orgA.slug}/requests?box=sent`);
    await expect(pageA.getByRole("link", { name: `${list("unreadLabel")}: ${subject}` })).toBeVisible();
    await pageA.getByRole("link", { name: `${list("unreadLabel")}: ${subject}` }).click();
    await expect(thread(pageA)).toContainText(reply);
    // The sender cannot accept its own request.
    await expect(pageA.getByRole("button", { name: page_("accept"), exact: true })).toHaveCount(0);

    // B accepts.
    await pageB.goto(`/o/${orgB.slug}/requests/${requestId}`);
    await pageB.getByRole("button", { name: page_("accept"), exact: true }).click();
    const dialog = pageB.getByRole("dialog", { name: page_("acceptTitle") });
    await dialog.getByRole("button", { name: page_("acceptConfirm") }).click();
    await expect(statusBadge(pageB)).toHaveText(statuses.ACCEPTED);
    const partnership = await e2eDb().partnership.findFirstOrThrow({
      where: { OR: [{ organizationAId: orgA.id, organizationBId: orgB.id }, { organizationAId: orgB.id, organizationBId: orgA.id }] },
    });
    expect(partnership.tie).toBe("WEAK");
    await expect(pageB.getByRole("link", { name: page_("partnershipLink") })).toHaveAttribute("href", `/o/${orgB.slug}/partnerships/${partnership.id}`);

    // Both see Accepted and the same thread; the conversation goes on.
    await pageA.reload();
    await expect(statusBadge(pageA)).toHaveText(statuses.ACCEPTED);
    await expect(pageA.getByRole("link", { name: page_("partnershipLink") })).toHaveAttribute("href", `/o/${orgA.slug}/partnerships/${partnership.id}`);
    await expect(thread(pageA).locator("li")).toHaveCount(3);
    expect(await thread(pageA).locator("li").allInnerTexts()).toEqual(await thread(pageB).locator("li").allInnerTexts());
    await expect(thread(pageA)).toContainText(page_("events.ACCEPTED"));
    await expect(pageA.getByRole("textbox", { name: page_("replyLabel") })).toBeVisible();
  });

  test("the profile box: sign-in link for visitors, an explanation without a sending organisation, a choice of organisations", async ({ page }) => {
    const { orgA, orgB } = await twoOrganizations();

    // Signed out: a link to sign in that comes back to the box.
    await page.goto(`/clusters/${orgB.slug}`);
    const signInLink = page.getByRole("link", { name: rc("signIn") });
    await expect(signInLink).toHaveAttribute("href", `/signin?callbackUrl=${encodeURIComponent(`/clusters/${orgB.slug}#request-cooperation`)}`);
    await expect(page.getByRole("button", { name: rc("submit") })).toHaveCount(0);

    // A MEMBER of A (no requests:send) and the editor of an unverified organisation: an explanation, no form.
    const s = uniqueSuffix();
    const user = await createUser({ name: `Mia ${s}` });
    await e2eDb().membership.create({ data: { organizationId: orgA.id, userId: user.id, role: "MEMBER" } });
    await e2eDb().organization.create({
      data: { name: `Draft ${s}`, slug: `draft-${s}`, country: "DE", memberships: { create: { userId: user.id, role: "EDITOR" } } },
    });
    await signIn(page, user);
    await page.goto(`/clusters/${orgB.slug}`);
    await expect(page.getByText(rc("cannotDescription"))).toBeVisible();
    await expect(page.getByRole("button", { name: rc("submit") })).toHaveCount(0);

    // An editor of two verified organisations chooses, `?as=` preselecting one.
    const orgC = await createApprovedOrganization({ owner: user, name: `Gamma ${s}`, country: "BR" });
    await e2eDb().membership.update({ where: { organizationId_userId: { organizationId: orgA.id, userId: user.id } }, data: { role: "EDITOR" } });
    await page.goto(`/clusters/${orgB.slug}?as=${orgC.slug}`);
    const asOrg = page.getByLabel(rc("asOrg"));
    await expect(asOrg).toHaveValue(orgC.slug);
    await expect(asOrg.locator("option")).toHaveText([orgA.name, orgC.name]);
    // On its own profile, the organisation is not offered as a sender.
    await page.goto(`/clusters/${orgC.slug}`);
    await expect(page.getByLabel(rc("asOrg"))).toHaveCount(0);
    await expect(page.getByRole("button", { name: rc("submit") })).toBeVisible();
  });

  test("decline needs a reason, which the sender then reads", async ({ browser }) => {
    const { userA, userB, orgA, orgB } = await twoOrganizations();
    const { id, subject } = await createOpenRequest(orgA, orgB, userA);

    const pageB = await signedInPage(browser, userB);
    await pageB.goto(`/o/${orgB.slug}/requests/${id}`);
    await expect(pageB.getByRole("heading", { level: 1, name: subject })).toBeVisible();
    await pageB.getByRole("button", { name: page_("decline"), exact: true }).click();
    const dialog = pageB.getByRole("dialog", { name: page_("declineTitle") });
    await dialog.getByRole("button", { name: page_("declineConfirm") }).click();
    await expect(dialog.getByText(messages.requests.reason.required)).toBeVisible();
    expect((await e2eDb().cooperationRequest.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");

    const reason = "Our members do not make sensors at this scale.";
    await dialog.getByRole("textbox", { name: page_("reasonLabel") }).fill(reason);
    await dialog.getByRole("button", { name: page_("declineConfirm") }).click();
    await expect(statusBadge(pageB)).toHaveText(statuses.DECLINED);
    await expect(pageB.getByText(page_("closedNotice"))).toBeVisible();
    await expect(pageB.getByRole("textbox", { name: page_("replyLabel") })).toHaveCount(0);
    expect(await e2eDb().cooperationRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DECLINED", declineReason: reason });

    const pageA = await signedInPage(browser, userA);
    await pageA.goto(`/o/${orgA.slug}/requests?box=sent&status=DECLINED`);
    await pageA.getByRole("link", { name: `${list("unreadLabel")}: ${subject}` }).click();
    await expect(statusBadge(pageA)).toHaveText(statuses.DECLINED);
    await expect(thread(pageA)).toContainText(page_("declineReason", { reason }));
  });

  test("the sender withdraws; the receiver can no longer answer", async ({ browser }) => {
    const { userA, userB, orgA, orgB } = await twoOrganizations();
    const { id } = await createOpenRequest(orgA, orgB, userA, { kind: "EVENT" });

    const pageA = await signedInPage(browser, userA);
    await pageA.goto(`/o/${orgA.slug}/requests/${id}`);
    await pageA.getByRole("button", { name: page_("withdraw"), exact: true }).click();
    await pageA.getByRole("dialog", { name: page_("withdrawTitle") }).getByRole("button", { name: page_("withdrawConfirm") }).click();
    await expect(statusBadge(pageA)).toHaveText(statuses.WITHDRAWN);
    expect((await e2eDb().cooperationRequest.findUniqueOrThrow({ where: { id } })).status).toBe("WITHDRAWN");

    const pageB = await signedInPage(browser, userB);
    await pageB.goto(`/o/${orgB.slug}/requests/${id}`);
    await expect(statusBadge(pageB)).toHaveText(statuses.WITHDRAWN);
    await expect(thread(pageB)).toContainText(page_("events.WITHDRAWN"));
    await expect(pageB.getByRole("button", { name: page_("accept"), exact: true })).toHaveCount(0);
    await expect(pageB.getByRole("textbox", { name: page_("replyLabel") })).toHaveCount(0);
  });

  test("a third organisation's member gets 404 on the request, under any slug", async ({ page }) => {
    const { userA, orgA, orgB } = await twoOrganizations();
    const { id, subject } = await createOpenRequest(orgA, orgB, userA);
    const userC = await createUser();
    const orgC = await createApprovedOrganization({ owner: userC, name: `Gamma ${uniqueSuffix()}`, country: "BR" });
    await signIn(page, userC);
    for (const path of [`/o/${orgC.slug}/requests/${id}`, `/o/${orgA.slug}/requests/${id}`, `/o/${orgB.slug}/requests/${id}`, `/o/${orgB.slug}/requests`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByText(subject)).toHaveCount(0);
    }
    // C's own inbox is empty.
    await page.goto(`/o/${orgC.slug}/requests`);
    await expect(page.getByRole("heading", { name: list("emptyInboxTitle") })).toBeVisible();
    expect((await e2eDb().cooperationRequest.findUniqueOrThrow({ where: { id } })).receiverSeenAt).toBeNull();
  });

  test("an unanswered request expires when the job runs past its deadline", async ({ browser }) => {
    const { userA, userB, orgA, orgB } = await twoOrganizations();
    // Sent 30 days ago; its deadline a few minutes ahead, so only our run (with a later `now`) passes it.
    const expiresAt = new Date(Date.now() + 5 * 60_000);
    const { id } = await createOpenRequest(orgA, orgB, userA, {
      createdAt: new Date(Date.now() - 30 * 86_400_000),
      expiresAt,
      remindedAt: new Date(),
    });
    const pageA = await signedInPage(browser, userA);
    await pageA.goto(`/o/${orgA.slug}/requests/${id}`);
    await expect(statusBadge(pageA)).toHaveText(statuses.OPEN);

    const runRequestDeadlines = await importRequestDeadlines();
    const result = await runRequestDeadlines({ db: e2eDb(), now: new Date(expiresAt.getTime() + 60_000) });
    expect(result.expired).toBeGreaterThanOrEqual(1);

    await pageA.reload();
    await expect(statusBadge(pageA)).toHaveText(statuses.EXPIRED);
    await expect(thread(pageA)).toContainText(page_("events.EXPIRED"));
    const pageB = await signedInPage(browser, userB);
    await pageB.goto(`/o/${orgB.slug}/requests?status=EXPIRED`);
    await expect(pageB.getByRole("row").filter({ hasText: statuses.EXPIRED })).toHaveCount(1);
    expect(await e2eDb().notification.count({ where: { kind: "request.expired", userId: { in: [userA.id, userB.id] } } })).toBe(2);
  });
});
