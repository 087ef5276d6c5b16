import { expect, test } from "@playwright/test";
import { ADMIN_LOGIN } from "../prisma/seed";
import en from "../messages/en/review.json" with { type: "json" };
import { createOrganization, createUser, e2eDb, latestEmailTo, signIn } from "./fixtures";

/** An organisation whose owner has submitted its profile for review. */
async function submittedOrganization(name: string) {
  const owner = await createUser();
  const org = await createOrganization({ owner, name, country: "SE" });
  await e2eDb().clusterProfile.create({
    data: {
      organizationId: org.id,
      status: "PENDING",
      submittedAt: new Date(),
      descriptionEn: "A life-science cluster in Lund with 120 member companies.",
      ecosystems: ["health"],
      website: "https://lund-bio.example",
      membersSme: 100,
      membersResearch: 20,
      managementFte: 3,
    },
  });
  return { owner, org };
}

test.describe("verification queue", () => {
  test("an administrator approves a submitted profile and a visitor then sees it in public", async ({ page, browser }) => {
    const { owner, org } = await submittedOrganization(`Lund Bio Cluster ${Date.now()}`);
    const visitor = await browser.newContext();
    const before = await visitor.request.get(`/clusters/${org.slug}`);
    expect(before.status()).toBe(404);

    await signIn(page, ADMIN_LOGIN);
    await page.goto("/admin/review");
    const card = page.getByRole("article", { name: org.name });
    await expect(card).toBeVisible();
    await expect(card.getByText(en.ReviewQueue.meets)).toBeVisible();
    await card.getByRole("button", { name: en.ReviewQueue.approve }).click();
    await expect(page.getByRole("article", { name: org.name })).toHaveCount(0);

    const publicPage = await visitor.newPage();
    const response = await publicPage.goto(`/clusters/${org.slug}`);
    expect(response?.status()).toBe(200);
    await expect(publicPage.getByRole("heading", { level: 1, name: org.name })).toBeVisible();
    expect((await latestEmailTo(owner.email))?.kind).toBe("profile.approved");
    await visitor.close();
  });

  test("a rejection needs a reason, which the owner receives", async ({ page }) => {
    const { owner, org } = await submittedOrganization(`Malmö Food Cluster ${Date.now()}`);
    await signIn(page, ADMIN_LOGIN);
    await page.goto("/admin/review");
    const card = page.getByRole("article", { name: org.name });
    await card.getByRole("button", { name: en.ReviewQueue.reject }).click();
    await card.getByRole("button", { name: en.ReviewQueue.confirmReject }).click();
    // No reason: refused, nothing changed.
    await expect(card.getByText("Give the organisation a reason")).toBeVisible();
    expect((await e2eDb().clusterProfile.findUniqueOrThrow({ where: { organizationId: org.id } })).status).toBe("PENDING");

    await card.getByLabel(en.ReviewQueue.reasonLabel).fill("Please add the number of universities among your members.");
    await card.getByRole("button", { name: en.ReviewQueue.confirmReject }).click();
    await expect(page.getByRole("article", { name: org.name })).toHaveCount(0);
    const profile = await e2eDb().clusterProfile.findUniqueOrThrow({ where: { organizationId: org.id } });
    expect(profile.status).toBe("REJECTED");
    const mail = await latestEmailTo(owner.email);
    expect(mail?.kind).toBe("profile.rejected");
    expect(mail?.text).toContain("Please add the number of universities among your members.");
  });

  test("is not there for anyone but platform administrators", async ({ page }) => {
    const user = await createUser();
    await signIn(page, user);
    const response = await page.goto("/admin/review");
    expect(response?.status()).toBe(404);
  });
});
