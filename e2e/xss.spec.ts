import { expect, test, type Page } from "@playwright/test";
import accounts from "../messages/en/accounts.json" with { type: "json" };
import orgs from "../messages/en/orgs.json" with { type: "json" };
import profiles from "../messages/en/profiles.json" with { type: "json" };
import review from "../messages/en/review.json" with { type: "json" };
import { SCRIPT_URLS, XSS_CORPUS } from "../lib/security/hostile-input";
import { ADMIN_LOGIN } from "../prisma/seed";
import { createOrganization, createUser, e2eDb, gotoHydrated, latestEmailTo, signIn, uniqueSuffix } from "./fixtures";

/**
 * The XSS corpus (lib/security/hostile-input.ts: script tags, event
 * handlers, javascript: URLs, markdown links, template syntax) typed into the
 * forms a user controls (their name, the organisation's name, every text
 * field of the profile), then every page and e-mail that shows them: each
 * value appears as the same text, no element or handler from it exists, and
 * no dialog opens (every payload calls alert()).
 */

const E = profiles.ProfileEditor;
const fill = (message: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((text, [key, value]) => text.replaceAll(`{${key}}`, String(value)), message);
/** What an HTML-escaping template must turn the text into (written here, not imported from the code under test). */
const escaped = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");

/** Elements and attributes only an injection would create. */
const INJECTED = 'img[src="x"], svg[onload], iframe, [onerror], [onload], [onclick], [onmouseover], a[href^="javascript:" i], a[href^="data:" i]';

function watchDialogs(page: Page, dialogs: string[]) {
  page.on("dialog", (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

/** Loads a page and checks that the values show as text and nothing was injected. */
async function expectShownAsText(page: Page, path: string, texts: string[]) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState("networkidle");
  for (const text of texts) await expect(page.locator("body"), `${path} shows ${text}`).toContainText(text);
  await expect(page.locator(INJECTED), `${path}: injected markup`).toHaveCount(0);
}

test("the XSS corpus typed into forms shows as text on every page and in every e-mail", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const dialogs: string[] = [];
  watchDialogs(page, dialogs);
  const suffix = uniqueSuffix();
  const owner = await createUser({ name: `Owner ${suffix}` });
  const org = await createOrganization({ owner, country: "DK" });
  const userName = `Eve <img src=x onerror=alert("xss-user")> ${suffix}`;
  const orgName = `"><svg onload=alert("xss-org")> Cluster ${suffix}`;
  const profileText = {
    acronym: `<b onclick=alert(1)>`,
    region: XSS_CORPUS[2],
    city: XSS_CORPUS[1],
    contactName: XSS_CORPUS[5],
    contactRole: XSS_CORPUS[4],
    descriptionEn: XSS_CORPUS.join(" | "),
    offers: `${XSS_CORPUS[0]} ${XSS_CORPUS[6]}`,
    seeks: `${XSS_CORPUS[4]} ${XSS_CORPUS[7]}`,
    supportProgrammes: `${XSS_CORPUS[8]} ${XSS_CORPUS[9]}`,
  };

  await signIn(page, owner);

  // The user's name, on the account page.
  await gotoHydrated(page, "/account");
  const account = page.getByRole("region", { name: accounts.Account.profile.title });
  const nameField = account.getByLabel(accounts.Account.profile.name);
  await nameField.fill(userName);
  await expect(nameField).toHaveValue(userName);
  await account.getByRole("button", { name: accounts.Account.profile.submit }).click();
  await expect.poll(async () => (await e2eDb().user.findUniqueOrThrow({ where: { id: owner.id } })).name).toBe(userName);

  // The organisation's name, in its settings.
  await gotoHydrated(page, `/o/${org.slug}/settings`);
  await page.getByRole("textbox", { name: orgs.OrgSettings.name, exact: true }).fill(orgName);
  await page.getByRole("button", { name: orgs.OrgSettings.save }).click();
  await expect.poll(async () => (await e2eDb().organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe(orgName);

  // The profile: a script URL as website is refused every time, nothing is saved.
  await gotoHydrated(page, `/o/${org.slug}/profile`);
  const website = page.getByLabel(E.website, { exact: true });
  for (const url of SCRIPT_URLS) {
    await website.fill(url);
    await page.getByRole("button", { name: E.save }).click();
    await expect(page.getByText(profiles.profiles.errors.website), url).toBeVisible();
    await expect(website).toHaveAttribute("aria-invalid", "true");
  }
  expect((await e2eDb().clusterProfile.findUniqueOrThrow({ where: { organizationId: org.id } })).version).toBe(1);
  await website.fill("https://cluster.example.org");

  // Every text field of the profile.
  for (const [field, value] of Object.entries(profileText)) {
    await page.getByRole("textbox", { name: E[field as keyof typeof profileText], exact: true }).fill(value);
  }
  await page.getByRole("checkbox", { name: "Health", exact: true }).check();
  await page.getByRole("button", { name: E.save }).click();
  await expect(page.getByText(fill(E.saved, { version: 2 }))).toBeVisible();
  const saved = await e2eDb().clusterProfile.findUniqueOrThrow({ where: { organizationId: org.id } });
  expect(saved).toMatchObject({ ...profileText, website: "https://cluster.example.org" });
  await page.getByRole("button", { name: profiles.SubmitForReview.button }).click();
  await expect(page.getByText(profiles.SubmitForReview.submitted)).toBeVisible();

  // The organisation's own pages.
  await expectShownAsText(page, `/o/${org.slug}`, [orgName]);
  await expectShownAsText(page, `/o/${org.slug}/members`, [orgName, userName]);
  await expectShownAsText(page, `/o/${org.slug}/audit`, [orgName, userName]);
  await expectShownAsText(page, `/o/${org.slug}/profile`, [orgName]);
  await expectShownAsText(page, `/o/${org.slug}/settings`, [orgName]);
  await expect(page.getByRole("textbox", { name: orgs.OrgSettings.name, exact: true })).toHaveValue(orgName);
  await expectShownAsText(page, "/orgs", [orgName]);
  await expectShownAsText(page, "/account", [userName]);

  // An invitation: the e-mail names the organisation and the inviter.
  const invitee = `invitee-${suffix}@example.org`;
  await gotoHydrated(page, `/o/${org.slug}/members`);
  await page.getByLabel(orgs.OrgInvitations.email).fill(invitee);
  await page.getByRole("button", { name: orgs.OrgInvitations.submit }).click();
  await expect(page.getByText(fill(orgs.OrgInvitations.sent, { email: invitee }))).toBeVisible();
  const invitation = await latestEmailTo(invitee);
  expect(invitation?.html).toContain(escaped(orgName));
  expect(invitation?.html).toContain(escaped(userName));
  expect(invitation?.html).not.toContain("<svg");
  expect(invitation?.html).not.toContain("<img src=x");
  expect(invitation?.text).toContain(orgName);

  // The administrators' review queue, then the approval.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  watchDialogs(admin, dialogs);
  await signIn(admin, ADMIN_LOGIN);
  await expectShownAsText(admin, "/admin/review", [orgName]);
  const card = admin.getByRole("article", { name: orgName });
  await expect(card).toBeVisible();
  await expectShownAsText(admin, `/admin/organizations?q=${suffix}`, [orgName]);
  await expectShownAsText(admin, `/admin/users?q=${encodeURIComponent(owner.email)}`, [userName]);
  await admin.goto("/admin/review");
  await admin.getByRole("article", { name: orgName }).getByRole("button", { name: review.ReviewQueue.approve }).click();
  await expect(admin.getByRole("article", { name: orgName })).toHaveCount(0);
  const approval = await e2eDb().outboxEmail.findFirst({ where: { toEmail: owner.email, kind: "profile.approved" } });
  expect(approval?.html).toContain(escaped(orgName));
  expect(approval?.html).not.toContain("<svg");
  // The local mailbox shows those e-mails as text too.
  await expectShownAsText(admin, `/dev/mailbox?to=${encodeURIComponent(invitee)}`, [orgName]);
  await adminContext.close();

  // A visitor: the public profile and the directory.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  watchDialogs(visitor, dialogs);
  await expectShownAsText(visitor, `/clusters/${org.slug}`, [orgName, ...Object.values(profileText).filter((v) => v !== profileText.descriptionEn)]);
  for (const item of XSS_CORPUS) await expect(visitor.getByTestId("profile-description")).toContainText(item);
  const jsonLd = JSON.parse((await visitor.locator('script[type="application/ld+json"]').textContent()) ?? "null");
  expect(jsonLd).toMatchObject({ name: orgName, description: profileText.descriptionEn });
  await expectShownAsText(visitor, `/clusters?q=${suffix}`, [orgName]);
  await expect(visitor.getByRole("link", { name: orgName })).toBeVisible();
  await expectShownAsText(visitor, `/clusters?q=${encodeURIComponent(XSS_CORPUS[0])}`, []);
  await visitorContext.close();

  expect(dialogs).toEqual([]);
});
