import { expect, test, type APIResponse } from "@playwright/test";

import directoryEn from "../messages/en/directory.json" with { type: "json" };
import directoryRu from "../messages/ru/directory.json" with { type: "json" };
import orgsEn from "../messages/en/orgs.json" with { type: "json" };
import uiEn from "../messages/en/ui.json" with { type: "json" };
import { createApprovedOrganization, createUser, e2eDb, signIn, uniqueSuffix } from "./fixtures";

/**
 * The anonymous page cache in front of Next.js (lib/http/page-cache.ts,
 * lib/http/fast-lane.ts) as a visitor meets it: the second visit of
 * the same directory view comes from the cache, yet with its own CSP nonce on
 * every script, in the visitor's language, with a change to the directory
 * visible at once, and never for a signed-in visitor.
 */

const CACHE_HEADER = "x-covalent-page-cache";

function nonceOf(response: APIResponse): string {
  const policy = response.headers()["content-security-policy"] ?? "";
  const match = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy);
  expect(match, `no nonce in "${policy}"`).not.toBeNull();
  return match![1]!;
}

/** Every <script> of the HTML and the preload Link header carry this response's nonce, and no other. */
async function expectOwnNonce(response: APIResponse, otherNonce?: string) {
  const nonce = nonceOf(response);
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`))).toEqual([]);
  if (otherNonce) {
    expect(nonce).not.toBe(otherNonce);
    expect(html).not.toContain(otherNonce);
    expect(response.headers()["link"] ?? "").not.toContain(otherNonce);
  }
  return { nonce, html };
}

test("the same anonymous view is answered from the cache, each time with a fresh nonce", async ({ request }) => {
  const path = `/clusters?q=${uniqueSuffix()}+health`;
  const first = await request.get(path);
  expect(first.status()).toBe(200);
  expect(first.headers()[CACHE_HEADER]).toBe("miss");
  const { nonce: firstNonce, html: firstHtml } = await expectOwnNonce(first);

  const second = await request.get(path);
  expect(second.status()).toBe(200);
  expect(second.headers()[CACHE_HEADER]).toBe("hit");
  const { nonce: secondNonce, html: secondHtml } = await expectOwnNonce(second, firstNonce);
  // The same page but for the nonce; the security headers of a rendered page are there too.
  expect(secondHtml.replaceAll(secondNonce, firstNonce)).toBe(firstHtml);
  expect(second.headers()["x-content-type-options"]).toBe("nosniff");
  expect(second.headers()["cache-control"]).toContain("no-store");
});

test("a Russian visitor gets the Russian page, not the cached English one", async ({ request }) => {
  const path = `/clusters?q=${uniqueSuffix()}`;
  const english = await request.get(path, { headers: { "accept-language": "en" } });
  expect(await english.text()).toContain(directoryEn.Directory.title);
  const russian = await request.get(path, { headers: { "accept-language": "ru-RU,ru;q=0.9" } });
  expect(russian.headers()[CACHE_HEADER]).toBe("miss");
  const html = await russian.text();
  expect(html).toContain(directoryRu.Directory.title);
  expect(html).toContain('<html lang="ru"');
  // The language switcher's cookie wins over the browser's language, as on a rendered page.
  const switched = await request.get(path, { headers: { "accept-language": "ru", cookie: "NEXT_LOCALE=en" } });
  expect(switched.headers()[CACHE_HEADER]).toBe("hit");
  expect(await switched.text()).toContain('<html lang="en"');
});

test("a cluster that is published appears on the very next visit of a cached view", async ({ request }) => {
  const word = `Zephyrium${uniqueSuffix().replace(/\W/g, "")}`;
  const path = `/clusters?q=${word}`;
  const before = await request.get(path);
  expect(await before.text()).toContain(directoryEn.Directory.emptyTitle);
  expect((await request.get(path)).headers()[CACHE_HEADER]).toBe("hit");

  const owner = await createUser();
  const name = `${word} Valley Cluster`;
  await createApprovedOrganization({ owner, name });
  const after = await request.get(path);
  expect(after.headers()[CACHE_HEADER]).toBe("miss");
  expect(await after.text()).toContain(name);

  // And it goes again when it is hidden: the profile back to draft.
  const org = await e2eDb().organization.findFirstOrThrow({ where: { name } });
  await e2eDb().clusterProfile.update({ where: { organizationId: org.id }, data: { status: "DRAFT" } });
  const hidden = await request.get(path);
  expect(await hidden.text()).not.toContain(name);
});

test("a signed-in visitor's page is rendered for them, never taken from the cache", async ({ page, request }) => {
  const path = `/clusters?q=${uniqueSuffix()}`;
  await request.get(path);
  expect((await request.get(path)).headers()[CACHE_HEADER]).toBe("hit");

  const user = await createUser();
  await signIn(page, user);
  const response = await page.goto(path);
  expect(response?.headers()[CACHE_HEADER]).toBeUndefined();
  await expect(page.getByRole("button", { name: orgsEn.AccountMenu.label.replace("{name}", user.name) })).toBeVisible();
  await expect(page.getByRole("link", { name: uiEn.Header.signIn })).toHaveCount(0);
});

test("a page from the cache runs in the browser under its policy: search as you type works", async ({ page, request }) => {
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
  });
  const path = "/clusters?country=DK";
  await request.get(path);
  const response = await page.goto(path);
  expect(response?.headers()[CACHE_HEADER]).toBe("hit");
  await page.waitForLoadState("networkidle");
  const box = page.getByRole("searchbox", { name: directoryEn.Directory.searchLabel });
  await box.click();
  await box.pressSequentially("Funen", { delay: 50 });
  await expect(page).toHaveURL(/[?&]q=Funen/);
  await expect(page.getByRole("table", { name: directoryEn.Directory.tableCaption }).getByRole("link", { name: "Funen Cobot Cluster" })).toBeVisible();
  expect(blocked).toEqual([]);
});
