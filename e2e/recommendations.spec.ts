import { expect, test } from "@playwright/test";

import recommendations from "../messages/en/recommendations.json" with { type: "json" };
import requests from "../messages/en/requests.json" with { type: "json" };
import { createApprovedOrganization, createUser, e2eDb, signIn, uniqueSuffix } from "./fixtures";

// Texts come from the catalogues, so a copy edit does not break the test
// while a missing translation or a changed behaviour does.
const R = recommendations.Recommendations;
const RC = requests.RequestCooperation;
const fill = (message: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((text, [key, value]) => text.replaceAll(`{${key}}`, String(value)), message);

// Demo organisations (prisma/demo/clusters.ts) that fit a Danish clinical-trial cluster seeking AI partners.
const DECCAN = { slug: "deccan-ai-health-cluster", name: "Deccan AI Health Cluster" };
const KENDALL = { slug: "kendall-bridge-life-sciences", name: "Kendall Bridge Life Sciences Consortium" };

test("a manager reads why partners are suggested, dismisses and restores one, sends a request from another, and it leaves the list", async ({ page }) => {
  const owner = await createUser({ email: `rec-${uniqueSuffix()}@example.org` });
  // A second organisation of the same manager (listed first), so the request form asks on whose
  // behalf to send, and "?as=" must choose ours.
  await createApprovedOrganization({ owner, name: `Aarhus Alpha ${uniqueSuffix()}`, country: "SE" });
  const org = await createApprovedOrganization({ owner, name: `Nordic Trials ${uniqueSuffix()}`, country: "DK" });
  await e2eDb().clusterProfile.update({
    where: { organizationId: org.id },
    data: {
      ecosystems: ["health"],
      sectors: ["M", "Q"],
      keywords: ["clinical-research", "drug-discovery"],
      offers: "A Nordic clinical-trial network of university hospitals, and regulatory advice for first-in-human studies.",
      seeks: "AI and machine-learning partners for drug discovery, and venture investment for biotech companies.",
      targetCountries: ["IN", "US"],
      membersSme: 120,
    },
  });

  await signIn(page, owner);
  await page.goto(`/o/${org.slug}/recommendations`);
  await expect(page.getByRole("heading", { level: 1, name: R.title })).toBeVisible();
  // Foreign clusters only by default.
  await expect(page.getByRole("checkbox", { name: R.includeOwnCountry })).not.toBeChecked();

  const list = page.getByRole("list", { name: R.listLabel });
  const card = (name: string) => list.getByRole("article", { name });
  // The reasons, in plain words: the shared ecosystem, the complementary texts, the market.
  const deccan = card(DECCAN.name);
  await expect(deccan).toBeVisible();
  await expect(deccan).toContainText("Both in Health.");
  await expect(deccan).toContainText("They target Denmark.");
  await expect(deccan).toContainText("They offer “AI and machine-learning teams for drug discovery");
  await expect(deccan.getByRole("meter", { name: R.scoreLabel })).toBeVisible();

  // Dismiss, then undo from the notice.
  await card(KENDALL.name).getByRole("button", { name: fill(R.dismissLabel, { name: KENDALL.name }) }).click();
  await expect(page.getByText(fill(R.dismissed, { name: KENDALL.name }))).toBeVisible();
  await expect(card(KENDALL.name)).toHaveCount(0);
  const dismissedRow = () =>
    e2eDb().recommendationDismissal.findFirst({ where: { organizationId: org.id, dismissed: { slug: KENDALL.slug } } });
  await expect.poll(dismissedRow).not.toBeNull();
  await page.getByRole("button", { name: fill(R.undoLabel, { name: KENDALL.name }) }).click();
  await expect(card(KENDALL.name)).toBeVisible();
  await expect.poll(dismissedRow).toBeNull();

  // Dismiss again, and restore from the "Dismissed" list after a reload.
  await card(KENDALL.name).getByRole("button", { name: fill(R.dismissLabel, { name: KENDALL.name }) }).click();
  await expect(card(KENDALL.name)).toHaveCount(0);
  await page.reload();
  await expect(card(KENDALL.name)).toHaveCount(0);
  await page.getByRole("button", { name: fill(R.restoreLabel, { name: KENDALL.name }) }).click();
  await expect(card(KENDALL.name)).toBeVisible();
  await expect.poll(dismissedRow).toBeNull();

  // Send a request from a suggestion: the form on the partner's profile, on behalf of our organisation.
  await deccan.getByRole("link", { name: fill(R.sendRequestLabel, { name: DECCAN.name }) }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${DECCAN.slug}\\?as=${org.slug}#request-cooperation$`));
  const form = page.locator("#request-cooperation");
  await expect(form.getByLabel(RC.asOrg)).toHaveValue(org.slug);
  await form.getByLabel(RC.kind).selectOption("JOINT_PROJECT");
  await form.getByLabel(RC.subject).fill("Validating AI drug-discovery models in Nordic trials");
  await form.getByLabel(RC.message).fill("Our hospital network could validate your models. Shall we talk?");
  await form.getByRole("button", { name: RC.submit }).click();
  await expect(page.getByText(RC.sentTitle)).toBeVisible();
  await expect
    .poll(() => e2eDb().cooperationRequest.count({ where: { senderId: org.id, receiver: { slug: DECCAN.slug }, status: "OPEN" } }))
    .toBe(1);

  // Back on the recommendations: the organisation we just asked is no longer suggested.
  await page.goto(`/o/${org.slug}/recommendations`);
  await expect(page.getByRole("heading", { level: 1, name: R.title })).toBeVisible();
  await expect(card(KENDALL.name)).toBeVisible();
  await expect(card(DECCAN.name)).toHaveCount(0);
});

test("the switch includes clusters of our own country, in the URL", async ({ page }) => {
  const owner = await createUser({ email: `rec-${uniqueSuffix()}@example.org` });
  const org = await createApprovedOrganization({ owner, name: `Danish MedTech ${uniqueSuffix()}`, country: "DK" });
  await e2eDb().clusterProfile.update({
    where: { organizationId: org.id },
    data: { ecosystems: ["health"], offers: "Clinical-trial networks.", seeks: "Hospital testbeds for medical devices.", targetCountries: ["SE"] },
  });
  await signIn(page, owner);
  await page.goto(`/o/${org.slug}/recommendations`);
  const list = page.getByRole("list", { name: R.listLabel });
  await expect(list).toBeVisible();
  // Jutland MedTech Collective is Danish: hidden until the switch is on.
  await expect(list.getByRole("article", { name: "Jutland MedTech Collective" })).toHaveCount(0);
  await page.getByRole("checkbox", { name: R.includeOwnCountry }).check();
  await expect(page).toHaveURL(/[?&]own=1/);
  await expect(list.getByRole("article", { name: "Jutland MedTech Collective" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("checkbox", { name: R.includeOwnCountry })).not.toBeChecked();
  await expect(list.getByRole("article", { name: "Jutland MedTech Collective" })).toHaveCount(0);
});
