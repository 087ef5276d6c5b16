import { expect, test } from "@playwright/test";

import en from "../messages/en/ui.json" with { type: "json" };
import ru from "../messages/ru/ui.json" with { type: "json" };

// Texts come from the catalogues so that a copy edit doesn't break the test,
// while a missing or untranslated page still does.

test.describe("home page and language", () => {
  test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" } });

  test("shows the English home page to an English browser", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: en.Home.title })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveTitle(en.Metadata.defaultTitle);
    await expect(page.getByRole("navigation", { name: en.Header.navLabel }).getByRole("link", { name: en.Header.directory })).toHaveAttribute(
      "href",
      "/clusters",
    );
  });

  test("switches to Russian with the switcher and keeps it after a reload", async ({ page }) => {
    await page.goto("/");
    const switcher = page.getByRole("group", { name: en.LocaleSwitcher.label });
    await expect(switcher.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");

    await switcher.getByRole("button", { name: "Русский" }).click();

    await expect(page.getByRole("heading", { level: 1, name: ru.Home.title })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("group", { name: ru.LocaleSwitcher.label }).getByRole("button", { name: "Русский" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: ru.Home.title })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");

    // The cookie wins over the browser's English, so the 404 page speaks Russian too.
    const response = await page.goto("/this-page-does-not-exist");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: ru.NotFound.title })).toBeVisible();
    await expect(page.getByRole("link", { name: ru.NotFound.home })).toHaveAttribute("href", "/");

    // And back.
    await page.getByRole("group", { name: ru.LocaleSwitcher.label }).getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: en.NotFound.title })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  test("the language switcher works from the keyboard", async ({ page }) => {
    await page.goto("/");
    const russian = page.getByRole("button", { name: "Русский" });
    await russian.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: ru.Home.title })).toBeVisible();
  });

  test("an unknown path gets the friendly 404 page with status 404", async ({ page }) => {
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: en.NotFound.title })).toBeVisible();
    await expect(page).toHaveTitle(`${en.NotFound.metaTitle} · Covalent`);
    await page.getByRole("link", { name: en.NotFound.home }).click();
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1, name: en.Home.title })).toBeVisible();
  });
});

test.describe("a Russian browser", () => {
  test.use({ locale: "ru-RU", extraHTTPHeaders: { "Accept-Language": "ru-RU,ru;q=0.9" } });

  test("gets the Russian home page without choosing anything", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: ru.Home.title })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page).toHaveTitle(ru.Metadata.defaultTitle);
  });

  test("gets the 404 page in Russian with status 404", async ({ request }) => {
    const response = await request.get("/unknown-path", { headers: { "Accept-Language": "ru-RU,ru;q=0.9" } });
    expect(response.status()).toBe(404);
    const html = await response.text();
    expect(html).toContain('<html lang="ru"');
    expect(html).toContain(ru.NotFound.title);
  });
});
