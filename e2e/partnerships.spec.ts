import { expect, test, type Browser, type Page } from "@playwright/test";
import { createTranslator } from "next-intl";

import messages from "../messages/en/partnerships.json" with { type: "json" };
import { createApprovedOrganization, createUser, e2eDb, gotoHydrated, signIn, uniqueSuffix } from "./fixtures";

// Texts come from the catalogue (rendered with next-intl's own translator),
// so a copy edit does not break the tests while a missing text still does.
const t = createTranslator({ locale: "en", messages, namespace: "Partnership" });
const net = createTranslator({ locale: "en", messages, namespace: "Network" });
const ties = messages.partnerships.ties;

type Org = Awaited<ReturnType<typeof createApprovedOrganization>>;
type User = Awaited<ReturnType<typeof createUser>>;

/**
 * What accepting a cooperation request writes (lib/partnerships/record-accepted-request.ts,
 * which imports "server-only" and so cannot run here): the accepted request, the
 * pair's partnership as a weak tie (stored once, A < B) and its CREATED event.
 */
async function acceptedRequestPartnership(sender: Org, receiver: Org, actor: User): Promise<string> {
  const [organizationAId, organizationBId] = sender.id < receiver.id ? [sender.id, receiver.id] : [receiver.id, sender.id];
  return e2eDb().$transaction(async (tx) => {
    const request = await tx.cooperationRequest.create({
      data: {
        senderId: sender.id,
        receiverId: receiver.id,
        kind: "JOINT_PROJECT",
        subject: `Joint project ${uniqueSuffix()}`,
        status: "ACCEPTED",
        expiresAt: new Date(Date.now() + 30 * 86_400_000),
        respondedAt: new Date(),
        closedAt: new Date(),
      },
    });
    const partnership = await tx.partnership.create({ data: { organizationAId, organizationBId, tie: "WEAK" } });
    await tx.partnershipEvent.create({
      data: {
        partnershipId: partnership.id,
        kind: "CREATED",
        organizationId: receiver.id,
        actorId: actor.id,
        actorName: actor.name,
        tie: "WEAK",
        requestId: request.id,
      },
    });
    await tx.cooperationRequest.update({ where: { id: request.id }, data: { partnershipId: partnership.id } });
    return partnership.id;
  });
}

async function signedInPage(browser: Browser, user: User): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

function history(page: Page) {
  return page.getByRole("list", { name: t("historyLabel") }).locator(":scope > li");
}

async function twoPartners(label: string) {
  const suffix = uniqueSuffix();
  const userA = await createUser({ name: "Astrid Ahlberg", email: `astrid-${suffix}@example.org` });
  const userB = await createUser({ name: "Bruno Barre", email: `bruno-${suffix}@example.org` });
  const orgA = await createApprovedOrganization({ owner: userA, name: `${label} Nordic ${suffix}`, country: "DK" });
  const orgB = await createApprovedOrganization({ owner: userB, name: `${label} Santé ${suffix}`, country: "FR" });
  const partnershipId = await acceptedRequestPartnership(orgA, orgB, userB);
  return { userA, userB, orgA, orgB, partnershipId };
}

test.describe("partnerships", () => {
  test("A proposes a durable tie, B confirms it, and both see the same tie and history", async ({ browser }) => {
    test.setTimeout(120_000);
    const { userA, userB, orgA, orgB, partnershipId } = await twoPartners("Raise");
    const description = "A joint Horizon Europe proposal on medical imaging, agreed in March.";
    const pageA = await signedInPage(browser, userA);
    const pageB = await signedInPage(browser, userB);

    // A opens the partnership from its network and proposes the next step.
    await pageA.goto(`/o/${orgA.slug}/network`);
    await expect(pageA.getByRole("heading", { name: net("title") })).toBeVisible();
    const rowOfB = pageA.getByRole("row").filter({ hasText: orgB.name });
    await expect(rowOfB).toContainText(ties.WEAK);
    await expect(rowOfB).toContainText("France");
    await rowOfB.getByRole("link", { name: orgB.name }).click();
    await expect(pageA).toHaveURL(`/o/${orgA.slug}/partnerships/${partnershipId}`);
    await expect(pageA.getByRole("heading", { level: 1, name: orgB.name })).toBeVisible();
    await expect(pageA.getByTestId("partnership-tie")).toHaveText(ties.WEAK);

    await pageA.getByRole("button", { name: t("propose", { tie: "DURABLE" }) }).click();
    const proposeDialog = pageA.getByRole("dialog", { name: t("proposeTitle", { tie: "DURABLE", org: orgB.name }) });
    await expect(proposeDialog).toBeVisible();
    // Too short first: the form says so and nothing is sent.
    await proposeDialog.getByLabel(t("proposeField")).fill("Soon");
    await proposeDialog.getByRole("button", { name: t("proposeSubmit") }).click();
    await expect(proposeDialog.getByText(messages.partnerships.description.tooShort)).toBeVisible();
    await proposeDialog.getByLabel(t("proposeField")).fill(description);
    await proposeDialog.getByRole("button", { name: t("proposeSubmit") }).click();
    await expect(proposeDialog).toBeHidden();
    await expect(pageA.getByTestId("proposal-panel")).toContainText(t("proposalFromUs", { tie: "DURABLE", org: orgB.name }));
    await expect(pageA.getByRole("button", { name: t("withdraw") })).toBeVisible();

    // B is notified, in the database and on its pages.
    const notice = await e2eDb().notification.findFirst({ where: { userId: userB.id, kind: "partnership.raiseProposed" } });
    expect(notice?.data).toMatchObject({ path: `/o/${orgB.slug}/partnerships/${partnershipId}`, orgName: orgA.name, tie: "DURABLE" });
    expect(await e2eDb().notification.count({ where: { userId: userA.id, kind: "partnership.raiseProposed" } })).toBe(0);

    await pageB.goto(`/o/${orgB.slug}/network`);
    const rowOfA = pageB.getByRole("row").filter({ hasText: orgA.name });
    await expect(rowOfA).toContainText(net("proposalForUs", { tie: ties.DURABLE }));
    await rowOfA.getByRole("link", { name: orgA.name }).click();
    const panel = pageB.getByTestId("proposal-panel");
    await expect(panel).toContainText(t("proposalFromPartner", { tie: "DURABLE", org: orgA.name }));
    await expect(panel).toContainText(description);

    await panel.getByRole("button", { name: t("confirm") }).click();
    const confirmDialog = pageB.getByRole("dialog", { name: t("confirmTitle", { tie: "DURABLE" }) });
    await confirmDialog.getByRole("button", { name: t("confirm") }).click();
    await expect(confirmDialog).toBeHidden();
    await expect(pageB.getByTestId("partnership-tie")).toHaveText(ties.DURABLE);
    await expect(pageB.getByTestId("proposal-panel")).toHaveCount(0);
    await expect(pageB.getByTestId("partnership-description")).toHaveText(description);

    // A sees the same tie, description and history.
    await pageA.reload();
    await expect(pageA.getByTestId("partnership-tie")).toHaveText(ties.DURABLE);
    await expect(pageA.getByTestId("partnership-description")).toHaveText(description);
    await expect(history(pageA)).toHaveCount(3);
    const historyOfA = await history(pageA).allInnerTexts();
    expect(await history(pageB).allInnerTexts()).toEqual(historyOfA);
    expect(historyOfA[1]).toContain(t("events.RAISE_PROPOSED", { org: orgA.name, tie: "DURABLE" }));
    expect(historyOfA[1]).toContain(userA.name);
    expect(historyOfA[2]).toContain(t("events.RAISE_CONFIRMED", { org: orgB.name, tie: "DURABLE" }));
    expect(historyOfA[2]).toContain(userB.name);

    const row = await e2eDb().partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    expect(row).toMatchObject({ tie: "DURABLE", description, proposedTie: null });
    expect(await e2eDb().notification.count({ where: { userId: userA.id, kind: "partnership.raiseConfirmed" } })).toBe(1);

    // Both networks show the durable tie, in the table, the summary and the picture.
    for (const [page, org, partner] of [
      [pageA, orgA, orgB],
      [pageB, orgB, orgA],
    ] as const) {
      await page.goto(`/o/${org.slug}/network`);
      await expect(page.getByRole("row").filter({ hasText: partner.name })).toContainText(ties.DURABLE);
      await expect(page.getByTestId("network-by-tie").locator('[data-tie="DURABLE"]')).toHaveText("1");
      await expect(page.getByTestId("network-by-tie").locator('[data-tie="WEAK"]')).toHaveText("0");
      const picture = page.getByRole("img", { name: new RegExp(`^${org.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} and its 1 partner`) });
      await expect(picture).toBeVisible();
      await expect(picture.locator('g[data-tie="DURABLE"]')).toHaveCount(1);
    }

    // The filter keeps its state in the URL.
    await pageA.getByLabel(net("filterTie"), { exact: true }).selectOption("COVALENT");
    await expect(pageA).toHaveURL(/tie=COVALENT/);
    await expect(pageA.getByText(net("noMatchTitle"))).toBeVisible();
    await pageA.getByLabel(net("filterTie"), { exact: true }).selectOption("DURABLE");
    await expect(pageA).toHaveURL(/tie=DURABLE/);
    await expect(pageA.getByRole("row").filter({ hasText: orgB.name })).toBeVisible();

    await pageA.context().close();
    await pageB.context().close();
  });

  test("B declines a proposal with a reason, then A ends the partnership", async ({ browser }) => {
    test.setTimeout(120_000);
    const { userA, userB, orgA, orgB, partnershipId } = await twoPartners("End");
    const pageA = await signedInPage(browser, userA);
    const pageB = await signedInPage(browser, userB);

    await gotoHydrated(pageA, `/o/${orgA.slug}/partnerships/${partnershipId}`);
    await pageA.getByRole("button", { name: t("propose", { tie: "DURABLE" }) }).click();
    const proposeDialog = pageA.getByRole("dialog");
    await proposeDialog.getByLabel(t("proposeField")).fill("Shared use of our clean-room facilities.");
    await proposeDialog.getByRole("button", { name: t("proposeSubmit") }).click();
    await expect(pageA.getByTestId("proposal-panel")).toBeVisible();

    await gotoHydrated(pageB, `/o/${orgB.slug}/partnerships/${partnershipId}`);
    await pageB.getByTestId("proposal-panel").getByRole("button", { name: t("decline") }).click();
    const declineDialog = pageB.getByRole("dialog", { name: t("declineTitle") });
    await declineDialog.getByLabel(t("declineReason")).fill("Not before the project is funded.");
    await declineDialog.getByRole("button", { name: t("decline") }).click();
    await expect(declineDialog).toBeHidden();
    await expect(pageB.getByTestId("proposal-panel")).toHaveCount(0);
    await expect(pageB.getByTestId("partnership-tie")).toHaveText(ties.WEAK);

    await pageA.reload();
    await expect(pageA.getByTestId("proposal-panel")).toHaveCount(0);
    await expect(history(pageA).last()).toContainText(t("events.RAISE_DECLINED", { org: orgB.name, tie: "DURABLE" }));
    await expect(history(pageA).last()).toContainText(t("reasonLabel", { reason: "Not before the project is funded." }));

    // A ends it.
    await pageA.getByRole("group", { name: t("actionsLabel") }).getByRole("button", { name: t("end") }).click();
    const endDialog = pageA.getByRole("dialog", { name: t("endTitle", { org: orgB.name }) });
    await endDialog.getByLabel(t("endReason")).fill("Our cluster is merging.");
    await endDialog.getByRole("button", { name: t("endConfirm") }).click();
    await expect(endDialog).toBeHidden();
    await expect(pageA.getByRole("status").filter({ hasText: t("endedByUs") })).toBeVisible();
    await expect(pageA.getByRole("button", { name: t("propose", { tie: "DURABLE" }) })).toHaveCount(0);

    const row = await e2eDb().partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    expect(row).toMatchObject({ isActive: false, endedByOrgId: orgA.id });
    const notice = await e2eDb().notification.findFirst({ where: { userId: userB.id, kind: "partnership.ended" } });
    expect(notice?.data).toMatchObject({ orgName: orgA.name, reason: "Our cluster is merging." });

    // B sees it ended; its network hides it until ended partnerships are included.
    await pageB.reload();
    await expect(pageB.getByRole("status").filter({ hasText: t("endedByPartner", { org: orgA.name }) })).toBeVisible();
    await expect(history(pageB).last()).toContainText(t("events.ENDED", { org: orgA.name }));
    await pageB.goto(`/o/${orgB.slug}/network`);
    await expect(pageB.getByText(net("noMatchTitle"))).toBeVisible();
    await pageB.getByLabel(net("includeEnded")).check();
    await expect(pageB).toHaveURL(/ended=1/);
    await expect(pageB.getByRole("row").filter({ hasText: orgA.name })).toContainText(net("ended"));

    await pageA.context().close();
    await pageB.context().close();
  });

  test("a third organisation's member gets 404 for the partnership, and an organisation without partners sees where to find them", async ({
    page,
  }) => {
    const { orgA, orgB, partnershipId } = await twoPartners("Private");
    const userC = await createUser({ name: "Carla Third" });
    const orgC = await createApprovedOrganization({ owner: userC, name: `Third Cluster ${uniqueSuffix()}`, country: "DE" });
    await signIn(page, userC);

    for (const path of [
      `/o/${orgA.slug}/partnerships/${partnershipId}`,
      `/o/${orgB.slug}/partnerships/${partnershipId}`,
      `/o/${orgC.slug}/partnerships/${partnershipId}`,
      `/o/${orgA.slug}/network`,
      `/o/${orgC.slug}/partnerships/${"x".repeat(3000)}`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      const body = await response!.text();
      expect(body).not.toContain(orgA.name);
      expect(body).not.toContain(orgB.name);
    }

    await page.goto(`/o/${orgC.slug}/network`);
    await expect(page.getByRole("heading", { name: net("emptyTitle") })).toBeVisible();
    await expect(page.getByRole("link", { name: net("emptyRecommendations") })).toHaveAttribute("href", `/o/${orgC.slug}/recommendations`);
    await expect(page.getByRole("link", { name: net("emptyDirectory") })).toHaveAttribute("href", "/clusters");
  });
});
