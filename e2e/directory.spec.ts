import { expect, test, type Locator, type Page } from "@playwright/test";

import directoryEn from "../messages/en/directory.json" with { type: "json" };
import directoryRu from "../messages/ru/directory.json" with { type: "json" };

// Against the demo seed (prisma/demo/clusters.ts): three approved Danish
// clusters, two of them in the health ecosystem. Counts are read from the page
// where other specs could add clusters, and compared with the rows shown.
const D = directoryEn.Directory;
const R = directoryRu.Directory;

const table = (page: Page) => page.getByRole("table", { name: D.tableCaption });
const bodyRows = (page: Page) => table(page).locator("tbody tr");
const searchBox = (page: Page) => page.getByRole("searchbox", { name: D.searchLabel });
const countOf = (page: Page, kind: string, value: string): Locator =>
  page.locator(`label[for="filter-${kind}-${value}"] span`).last();

async function openDirectory(page: Page, path = "/clusters") {
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: D.title })).toBeVisible();
}

/** The result count line says N (English plural forms). */
async function expectResultCount(page: Page, count: number) {
  await expect(page.locator("#directory-results-count")).toContainText(
    count === 1 ? "1 cluster found" : `${count} clusters found`,
  );
}

test("search by a name puts that cluster first, and typing keeps focus in the box", async ({ page }) => {
  await openDirectory(page);
  const box = searchBox(page);
  await box.click();
  await box.pressSequentially("Funen Cobot", { delay: 60 });
  await expect(page).toHaveURL(/[?&]q=Funen\+Cobot/);
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("Funen Cobot");
  await expect(bodyRows(page).first().getByRole("link").first()).toHaveText("Funen Cobot Cluster");

  // Keep typing after the results came back: nothing was lost, the box still has focus.
  await box.pressSequentially(" Cluster", { delay: 60 });
  await expect(page).toHaveURL(/[?&]q=Funen\+Cobot\+Cluster/);
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("Funen Cobot Cluster");
  await expect(bodyRows(page).first().getByRole("link").first()).toHaveText("Funen Cobot Cluster");
});

test("filters by country and ecosystem: only matching rows, counts update, clear filters", async ({ page }) => {
  await openDirectory(page);
  const denmarkCount = Number(await countOf(page, "country", "DK").textContent());
  expect(denmarkCount).toBeGreaterThanOrEqual(3);

  await page.getByRole("checkbox", { name: /^Denmark/ }).check();
  await expect(page).toHaveURL(/[?&]country=DK(&|$)/);
  await expectResultCount(page, denmarkCount);
  await expect(bodyRows(page)).toHaveCount(denmarkCount);
  for (const cell of await bodyRows(page).locator("td:nth-child(2)").all()) await expect(cell).toHaveText("Denmark");
  await expect(table(page).getByRole("link", { name: "Øresund BioBridge Cluster" })).toBeVisible();

  // The ecosystem counts now count Danish clusters only.
  const healthInDenmark = Number(await countOf(page, "ecosystem", "health").textContent());
  expect(healthInDenmark).toBeGreaterThanOrEqual(2);
  expect(healthInDenmark).toBeLessThan(denmarkCount);

  await page.getByRole("checkbox", { name: /^Health/ }).check();
  await expect(page).toHaveURL(/ecosystem=health/);
  await expect(page).toHaveURL(/country=DK/);
  await expectResultCount(page, healthInDenmark);
  await expect(bodyRows(page)).toHaveCount(healthInDenmark);
  await expect(table(page).getByRole("link", { name: "Funen Cobot Cluster" })).toHaveCount(0);
  await expect(table(page).getByRole("link", { name: "Jutland MedTech Collective" })).toBeVisible();
  // And the country counts follow the ecosystem: Denmark now shows its health clusters.
  await expect(countOf(page, "country", "DK")).toHaveText(String(healthInDenmark));

  // Back undoes the last filter.
  await page.goBack();
  await expect(page).not.toHaveURL(/ecosystem=/);
  await expect(bodyRows(page)).toHaveCount(denmarkCount);
  await expect(page.getByRole("checkbox", { name: /^Health/ })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^Denmark/ })).toBeChecked();

  await page.getByRole("link", { name: D.clearFilters }).first().click();
  await expect(page).toHaveURL(/\/clusters$/);
  await expect(page.getByRole("checkbox", { name: /^Denmark/ })).not.toBeChecked();
  expect(await bodyRows(page).count()).toBeGreaterThan(denmarkCount);
});

test("the map: click a country to list its clusters; the counts are also a list of links", async ({ page }) => {
  await openDirectory(page);
  await page.getByRole("navigation", { name: D.viewLabel }).getByRole("link", { name: D.viewMap }).click();
  await expect(page).toHaveURL(/[?&]view=map/);
  await expect(page.getByRole("heading", { name: D.mapTitle })).toBeVisible();
  await expect(table(page)).toHaveCount(0);

  // The outlines come from a static chunk drawn in the browser, not from the page's HTML.
  const html = await (await page.request.get(page.url())).text();
  expect(html.match(/<path /g)?.length ?? 0).toBeLessThan(20);

  const denmark = page.getByRole("link", { name: /^Denmark: \d+ clusters$/ });
  await expect(denmark).toHaveCount(1);
  const count = Number((await denmark.getAttribute("aria-label"))!.match(/\d+/)![0]);
  // The text alternative: the same country and count as a plain link.
  await expect(page.getByRole("link", { name: "Denmark", exact: true })).toBeVisible();

  // Keyboard: the country is focusable.
  await denmark.focus();
  await expect(denmark).toBeFocused();
  await denmark.click();
  await expect(page).toHaveURL(/[?&]country=DK(&|$)/);
  await expect(page).not.toHaveURL(/view=map/);
  await expect(page.getByRole("checkbox", { name: /^Denmark/ })).toBeChecked();
  await expect(bodyRows(page)).toHaveCount(count);
});

test("open a profile from the results and go back to the same view", async ({ page }) => {
  await openDirectory(page, "/clusters?country=DK,SE&sort=name");
  const before = page.url();
  const names = await bodyRows(page).locator("td:first-child a").allTextContents();
  expect(names.length).toBeGreaterThanOrEqual(5);
  expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);

  await table(page).getByRole("link", { name: "Øresund BioBridge Cluster" }).click();
  await expect(page).toHaveURL(/\/clusters\/oresund-biobridge-cluster$/);
  await expect(page.getByRole("heading", { level: 1, name: "Øresund BioBridge Cluster" })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(before);
  await expect(bodyRows(page).locator("td:first-child a")).toHaveText(names);
  await expect(page.getByRole("checkbox", { name: /^Denmark/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^Sweden/ })).toBeChecked();
  await expect(page.getByRole("combobox", { name: D.sortLabel })).toHaveValue("name");
});

test("a query full of operators shows results or the empty state, never an error", async ({ page }) => {
  const nasty = `"' % \\ & | ! :*`;
  await openDirectory(page, `/clusters?q=${encodeURIComponent(nasty)}&country=ZZ&page=abc&perPage=-5`);
  await expect(page.getByText(D.emptyTitle).or(table(page))).toBeVisible();
  await expect(searchBox(page)).toHaveValue(nasty);

  // Typed into the box as well.
  await openDirectory(page);
  await searchBox(page).fill(`${nasty} zzqxv`);
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByRole("heading", { name: D.emptyTitle })).toBeVisible();
  await expect(page.getByRole("link", { name: D.emptyShowAll })).toBeVisible();

  // 10,000 characters (the engine cuts the text to its maximum). Note: a URL over Node's 16 KB header limit gets a 431 before the app.
  await openDirectory(page, `/clusters?q=${"abc,".repeat(2500)}`);
  await expect(page.getByText(D.emptyTitle).or(table(page))).toBeVisible();
});

test("Download CSV carries the current query", async ({ page }) => {
  await openDirectory(page, "/clusters?country=DK&ecosystem=health");
  const href = await page.getByRole("link", { name: D.downloadCsv }).getAttribute("href");
  expect(href).toMatch(/^\/api\/v1\/clusters\/export\.csv\?/);
  expect(href).toContain("country=DK");
  expect(href).toContain("ecosystem=health");
});

test("Russian UI shows Russian labels", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ru-RU", extraHTTPHeaders: { "Accept-Language": "ru" } });
  const page = await context.newPage();
  await page.goto("/clusters?view=map");
  await expect(page.getByRole("heading", { level: 1, name: R.title })).toBeVisible();
  await expect(page.getByRole("group", { name: R.facetCountry, exact: true })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^Дания/ })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^Здравоохранение/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Дания: \d+ кластер/ })).toBeVisible();
  await page.getByRole("link", { name: R.viewTable }).click();
  await expect(page.getByRole("columnheader", { name: R.columnCountry })).toBeVisible();
  await expect(page.getByRole("combobox", { name: R.sortLabel })).toBeVisible();
  await context.close();
});
