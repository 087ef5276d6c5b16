import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";

import profiles from "../messages/en/profiles.json" with { type: "json" };
import { addMember, createOrganization, createUser, e2eDb, signIn, uniqueSuffix } from "./fixtures";

// Texts come from the catalogue, so a copy edit does not break the test
// while a missing translation or a changed behaviour does.
const E = profiles.ProfileEditor;
const S = profiles.ProfileStatus;
const L = profiles.LogoUploader;
const P = profiles.PublicProfile;
const fill = (message: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((text, [key, value]) => text.replaceAll(`{${key}}`, String(value)), message);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function pngLogo(): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 300, channels: 4, background: { r: 0, g: 110, b: 160, alpha: 1 } } }).png().toBuffer();
}

async function signedInPage(browser: Browser, user: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

async function openEditor(page: Page, slug: string) {
  await page.goto(`/o/${slug}/profile`);
  await expect(page.getByRole("heading", { level: 1, name: E.title })).toBeVisible();
}

async function save(page: Page, expectedVersion: number) {
  await page.getByRole("button", { name: E.save }).click();
  await expect(page.getByText(fill(E.saved, { version: expectedVersion }))).toBeVisible();
  await expect(page.getByTestId("profile-version")).toHaveText(fill(E.version, { version: expectedVersion }));
}

async function approveInDatabase(organizationId: string) {
  // The administrators' review queue is built elsewhere; here the decision is made directly.
  const now = new Date();
  await e2eDb().clusterProfile.update({
    where: { organizationId },
    data: { status: "APPROVED", publishedAt: now, reviewedAt: now },
  });
}

test.describe("cluster profile", () => {
  test("an owner fills in the profile, uploads a logo and submits it; once approved a visitor sees it in public", async ({ page, browser }) => {
    test.setTimeout(90_000);
    const suffix = uniqueSuffix();
    const owner = await createUser({ name: `Owner ${suffix}` });
    const org = await createOrganization({ owner, name: `Öresund Life Science ${suffix}`, country: "DK" });
    const description = `A cluster of ${suffix} biotech companies and hospitals around the Øresund.`;

    await signIn(page, owner);
    await openEditor(page, org.slug);
    const status = page.getByRole("region", { name: S.label });
    await expect(status).toContainText(S.draftTitle);

    await page.getByLabel(E.acronym, { exact: true }).fill("OLS");
    await page.getByLabel(E.city, { exact: true }).fill("Copenhagen");
    await page.getByLabel(E.region, { exact: true }).fill("Capital Region");
    await page.getByLabel(E.latitude, { exact: true }).fill("55.6761");
    await page.getByLabel(E.longitude, { exact: true }).fill("12,5683");
    await page.getByLabel(E.yearFounded, { exact: true }).fill("1997");
    await page.getByLabel(E.website, { exact: true }).fill("https://ols.example.org");
    await page.getByLabel(E.contactName, { exact: true }).fill("Anna Lindqvist");
    await page.getByLabel(E.contactEmail, { exact: true }).fill("anna@ols.example.org");
    await page.getByLabel(E.descriptionEn, { exact: true }).fill(description);
    await page.getByRole("checkbox", { name: "Health", exact: true }).check();
    await page.getByLabel(E.keywordsSearch).fill("biotech");
    await page.getByRole("checkbox", { name: "Biotechnology", exact: true }).check();
    await page.getByLabel(E.tagInput).fill("Organoids");
    await page.getByLabel(E.tagInput).press("Enter");
    await page.getByLabel(profiles.ProfileFields.memberKinds.sme, { exact: true }).fill("40");
    await page.getByLabel(profiles.ProfileFields.memberKinds.university, { exact: true }).fill("3");
    await page.getByLabel(E.managementFte, { exact: true }).fill("2,5");
    await page.getByLabel(E.label, { exact: true }).selectOption("SILVER");
    await page.getByLabel(E.targetSearch).fill("Swed");
    await page.getByRole("checkbox", { name: "Sweden", exact: true }).check();
    await page.getByRole("radio", { name: new RegExp(escapeRegExp(profiles.ProfileFields.levels.level3.title)) }).check();
    await save(page, 2);

    const saved = await e2eDb().clusterProfile.findUniqueOrThrow({ where: { organizationId: org.id } });
    expect(saved).toMatchObject({
      version: 2,
      acronym: "OLS",
      city: "Copenhagen",
      latitude: 55.6761,
      longitude: 12.5683,
      yearFounded: 1997,
      website: "https://ols.example.org",
      descriptionEn: description,
      ecosystems: ["health"],
      keywords: ["biotechnology"],
      tags: ["organoids"],
      membersSme: 40,
      membersUniversity: 3,
      label: "SILVER",
      targetCountries: ["SE"],
      internationalisationLevel: 3,
      updatedById: owner.id,
    });
    expect(Number(saved.managementFte)).toBe(2.5);

    // The logo: a real PNG, stored re-encoded.
    await page.getByLabel(L.choose).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: await pngLogo() });
    await expect(page.getByText(L.uploaded)).toBeVisible();
    await expect(page.getByRole("img", { name: fill(L.current, { name: org.name }) })).toBeVisible();
    const logoKey = (await e2eDb().clusterProfile.findUniqueOrThrow({ where: { organizationId: org.id } })).logoKey;
    expect(logoKey).toMatch(/^logos\/.+\.webp$/);

    // Not public before approval.
    expect((await page.request.get(`/clusters/${org.slug}`)).status()).toBe(404);

    await page.getByRole("button", { name: profiles.SubmitForReview.button }).click();
    await expect(page.getByText(profiles.SubmitForReview.submitted)).toBeVisible();
    await expect(status).toContainText(S.pendingTitle);
    await expect(page.getByRole("button", { name: profiles.SubmitForReview.button })).toHaveCount(0);
    expect((await e2eDb().clusterProfile.findUniqueOrThrow({ where: { organizationId: org.id } })).status).toBe("PENDING");
    expect((await page.request.get(`/clusters/${org.slug}`)).status()).toBe(404);

    await approveInDatabase(org.id);

    // A visitor, signed out, in a browser of their own.
    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    const response = await visitor.goto(`/clusters/${org.slug}`);
    expect(response?.status()).toBe(200);
    await expect(visitor.getByRole("heading", { level: 1 })).toContainText(org.name);
    await expect(visitor.getByTestId("profile-description")).toHaveText(description);
    await expect(visitor.getByText(profiles.ProfileFields.labelBadge.SILVER)).toBeVisible();
    await expect(visitor.getByText("Health", { exact: true })).toBeVisible();
    const logo = visitor.getByRole("img", { name: fill(P.logoAlt, { name: org.name }) });
    await expect(logo).toBeVisible();
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
    const website = visitor.getByRole("link", { name: P.website, exact: true });
    await expect(website).toHaveAttribute("href", "https://ols.example.org/");
    await expect(website).toHaveAttribute("rel", "noopener nofollow ugc");

    await expect(visitor).toHaveTitle(new RegExp(escapeRegExp(org.name)));
    await expect(visitor.locator('meta[property="og:title"]')).toHaveAttribute("content", org.name);
    await expect(visitor.locator('meta[property="og:image"]')).toHaveAttribute("content", new RegExp(`/api/files/${escapeRegExp(logoKey!)}$`));
    await expect(visitor.locator('meta[name="description"]')).toHaveAttribute("content", description);
    const jsonLd = JSON.parse((await visitor.locator('script[type="application/ld+json"]').textContent()) ?? "null");
    expect(jsonLd).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Organization",
      name: org.name,
      alternateName: "OLS",
      url: "https://ols.example.org",
      foundingDate: "1997",
      address: { addressCountry: "DK", addressLocality: "Copenhagen" },
      description,
    });
    expect(jsonLd.logo).toMatch(/\/api\/files\/logos\/.+\.webp$/);
    await visitorContext.close();
  });

  test("a second editor who opened the form before the first saved gets the conflict message; nothing is overwritten", async ({ browser }) => {
    test.setTimeout(90_000);
    const suffix = uniqueSuffix();
    const owner = await createUser({ name: `Olivia Owner ${suffix}` });
    const editor = await createUser({ name: `Emil Editor ${suffix}` });
    const org = await createOrganization({ owner, country: "SE" });
    await addMember({ organizationId: org.id, userId: editor.id, role: "EDITOR" });

    const first = await signedInPage(browser, owner);
    const second = await signedInPage(browser, editor);
    await openEditor(first, org.slug);
    await openEditor(second, org.slug);

    await first.getByLabel(E.offers, { exact: true }).fill("Test beds for medical devices");
    await save(first, 2);

    await second.getByLabel(E.offers, { exact: true }).fill("The second editor's offer");
    await second.getByLabel(E.city, { exact: true }).fill("Lund");
    await second.getByRole("button", { name: E.save }).click();
    const alert = second.getByRole("alert").filter({ hasText: `Someone else (${owner.name})` });
    await expect(alert).toBeVisible();
    await expect(second.getByTestId("profile-version")).toHaveText(fill(E.version, { version: 1 }));

    const row = await e2eDb().clusterProfile.findUniqueOrThrow({ where: { organizationId: org.id } });
    expect(row).toMatchObject({ version: 2, offers: "Test beds for medical devices", city: null, updatedById: owner.id });

    // Loading the latest version shows the first editor's text, and saving from there works.
    await second.getByRole("button", { name: E.conflictReload }).click();
    await expect(second.getByLabel(E.offers, { exact: true })).toHaveValue("Test beds for medical devices");
    await second.getByLabel(E.city, { exact: true }).fill("Lund");
    await save(second, 3);
    expect(await e2eDb().clusterProfile.findUniqueOrThrow({ where: { organizationId: org.id } })).toMatchObject({
      offers: "Test beds for medical devices",
      city: "Lund",
    });
    await first.context().close();
    await second.context().close();
  });

  test("bad input: a renamed text file or an SVG as logo, a javascript: website, and HTML in text fields shown as text", async ({ page, browser }) => {
    test.setTimeout(90_000);
    const suffix = uniqueSuffix();
    const owner = await createUser({ name: `Owner ${suffix}` });
    const org = await createOrganization({ owner });
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });

    await signIn(page, owner);
    await openEditor(page, org.slug);

    // Logos: the type is read from the bytes, not the name or the claimed type.
    const logoInput = page.getByLabel(L.choose);
    await logoInput.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("Definitely not a picture.\n".repeat(40)) });
    await expect(page.getByRole("alert").filter({ hasText: profiles.profiles.logo.wrongType })).toBeVisible();
    await logoInput.setInputFiles({
      name: "logo.svg",
      mimeType: "image/svg+xml",
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><script>alert(3)</script></svg>'),
    });
    await expect(page.getByRole("alert").filter({ hasText: profiles.profiles.logo.wrongType })).toBeVisible();
    await logoInput.setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 1) });
    await expect(page.getByRole("alert").filter({ hasText: profiles.profiles.logo.tooLarge })).toBeVisible();
    expect((await e2eDb().clusterProfile.findUniqueOrThrow({ where: { organizationId: org.id } })).logoKey).toBeNull();

    // A javascript: link is refused next to the field, and nothing is saved.
    await page.getByLabel(E.website, { exact: true }).fill("javascript:alert(1)");
    await page.getByRole("button", { name: E.save }).click();
    await expect(page.getByText(profiles.profiles.errors.website)).toBeVisible();
    await expect(page.getByLabel(E.website, { exact: true })).toHaveAttribute("aria-invalid", "true");
    expect((await e2eDb().clusterProfile.findUniqueOrThrow({ where: { organizationId: org.id } })).version).toBe(1);
    await page.getByLabel(E.website, { exact: true }).fill("");

    // HTML and script in the text fields.
    const script = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    const name = `<b onmouseover=alert(4)>Cluster</b> ${suffix}`;
    // By role: the label text of a required field also holds the asterisk.
    await page.getByRole("textbox", { name: E.name, exact: true }).fill(name);
    await page.getByLabel(E.acronym, { exact: true }).fill("<img src=x onerror=alert(5)>");
    await page.getByLabel(E.city, { exact: true }).fill("<svg onload=alert(6)>");
    await page.getByLabel(E.descriptionEn, { exact: true }).fill(`Before ${script} after </script><script>alert(7)</script>`);
    await page.getByLabel(E.offers, { exact: true }).fill(script);
    await page.getByLabel(E.contactName, { exact: true }).fill("<iframe src=javascript:alert(8)>");
    await page.getByLabel(E.tagInput).fill("<i>tag</i>");
    await page.getByLabel(E.tagInput).press("Enter");
    await page.getByRole("checkbox", { name: "Digital", exact: true }).check();
    await save(page, 2);
    await approveInDatabase(org.id);

    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    visitor.on("dialog", (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await visitor.goto(`/clusters/${org.slug}`);
    await expect(visitor.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(visitor.getByTestId("profile-description")).toHaveText(`Before ${script} after </script><script>alert(7)</script>`);
    await expect(visitor.getByText(script, { exact: true })).toBeVisible(); // the offers
    await expect(visitor.getByText("<iframe src=javascript:alert(8)>")).toBeVisible();
    await expect(visitor.getByText("#<i>tag</i>")).toBeVisible();
    await expect(visitor.locator('img[src="x"], iframe, svg[onload], b[onmouseover]')).toHaveCount(0);
    // The JSON-LD still parses, with the text intact: "</script>" did not end the element.
    const jsonLd = JSON.parse((await visitor.locator('script[type="application/ld+json"]').textContent()) ?? "null");
    expect(jsonLd).toMatchObject({ "@type": "Organization", name, description: `Before ${script} after </script><script>alert(7)</script>` });
    await expect(visitor.locator('script[type="application/ld+json"]')).toHaveCount(1);
    await visitor.getByRole("heading", { level: 1 }).hover();
    await visitor.waitForLoadState("load");
    await visitor.waitForTimeout(300);
    expect(dialogs).toBe(0);
    await visitorContext.close();
  });

  test("a member sees the profile read-only, and an outsider gets a 404", async ({ browser }) => {
    const suffix = uniqueSuffix();
    const owner = await createUser({ name: `Owner ${suffix}` });
    const member = await createUser({ name: `Member ${suffix}` });
    const outsider = await createUser({ name: `Outsider ${suffix}` });
    const org = await createOrganization({ owner });
    await createOrganization({ owner: outsider });
    await addMember({ organizationId: org.id, userId: member.id, role: "MEMBER" });

    const memberPage = await signedInPage(browser, member);
    await openEditor(memberPage, org.slug);
    await expect(memberPage.getByText(E.readOnly)).toBeVisible();
    await expect(memberPage.getByLabel(E.offers, { exact: true })).toBeDisabled();
    await expect(memberPage.getByRole("button", { name: E.save })).toHaveCount(0);
    await expect(memberPage.getByLabel(L.choose)).toHaveCount(0);

    const outsiderPage = await signedInPage(browser, outsider);
    const response = await outsiderPage.goto(`/o/${org.slug}/profile`);
    expect(response?.status()).toBe(404);
    await memberPage.context().close();
    await outsiderPage.context().close();
  });
});
