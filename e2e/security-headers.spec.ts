import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { DEMO_CLUSTERS } from "../prisma/demo/clusters";
import { ADMIN_LOGIN } from "../prisma/seed";
import { createApprovedOrganization, createUser, e2eDb, signIn, uniqueSuffix } from "./fixtures";
import ruNotifications from "../messages/ru/notifications.json" with { type: "json" };

/**
 * Security headers and cookies as a browser gets them from the built app
 * (proxy.ts, next.config.ts, lib/http/security-headers.ts): a fresh CSP nonce
 * on every page that every script element carries, no CSP violation in the
 * console on the main pages, the fixed headers on static files and the API,
 * cookie flags, and Next's own Origin check on server actions. The same
 * walk through the pages fails on next-intl's errors: a client component
 * whose messages were not sent to the page (lib/i18n/client-messages.ts)
 * logs MISSING_MESSAGE in the browser.
 */

const publicCluster = DEMO_CLUSTERS.find((c) => c.status === "APPROVED")!;

function nonceOf(response: APIResponse): string {
  const policy = response.headers()["content-security-policy"] ?? "";
  const match = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy);
  expect(match, `no nonce in "${policy}"`).not.toBeNull();
  return match![1]!;
}

/** Every <script> element of the raw HTML carries the response's nonce. */
async function expectNoncedScripts(response: APIResponse) {
  expect(response.status()).toBe(200);
  const nonce = nonceOf(response);
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`))).toEqual([]);
}

/** The codes of next-intl's errors (use-intl's IntlErrorCode), which it logs with console.error in the browser. */
const INTL_ERROR = /\b(MISSING_MESSAGE|MISSING_FORMAT|ENVIRONMENT_FALLBACK|INSUFFICIENT_PATH|INVALID_MESSAGE|INVALID_KEY|FORMATTING_ERROR)\b/;

/** Collects what the browser says about blocked content, missing translations and uncaught errors while pages load. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(text) || INTL_ERROR.test(text)) {
      problems.push(`${page.url()}: ${text.split("\n")[0]}`); // without next-intl's stack trace
    }
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  return problems;
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
}

test.describe("security headers", () => {
  test("every page has a CSP with a fresh nonce that every script element carries, JSON-LD included", async ({ request }) => {
    const first = await request.get("/");
    const second = await request.get("/");
    await expectNoncedScripts(first);
    expect(nonceOf(first)).not.toBe(nonceOf(second));

    const policy = first.headers()["content-security-policy"]!;
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);

    const profile = await request.get(`/clusters/${publicCluster.slug}`);
    await expectNoncedScripts(profile);
    expect(await (await request.get(`/clusters/${publicCluster.slug}`)).text()).toMatch(/<script type="application\/ld\+json" nonce="/);
    await expectNoncedScripts(await request.get("/clusters?country=DK"));
    await expectNoncedScripts(await request.get("/signin"));
  });

  test("pages, static files and the API carry the fixed headers; no HSTS over plain HTTP", async ({ request }) => {
    const page = await request.get("/");
    const css = /\/_next\/static\/[^"]+\.css/.exec(await page.text())?.[0];
    expect(css).toBeTruthy();
    const responses = [page, await request.get(css!), await request.get("/api/health"), await request.get("/api/v1/clusters?perPage=1"), await request.get("/no-such-page")];
    for (const response of responses) {
      const headers = response.headers();
      expect(headers["x-content-type-options"], response.url()).toBe("nosniff");
      expect(headers["x-frame-options"], response.url()).toBe("DENY");
      expect(headers["referrer-policy"], response.url()).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], response.url()).toContain("camera=()");
      // The e2e server is http://127.0.0.1: HSTS there would be ignored at best and pin a wrong policy at worst.
      expect(headers["strict-transport-security"], response.url()).toBeUndefined();
    }
    // A 404 page is still a page: it has its CSP too.
    expect(responses[4]!.status()).toBe(404);
    expect(responses[4]!.headers()["content-security-policy"]).toContain("'nonce-");
  });

  test("the main pages load without a CSP violation, a missing translation or a script error, signed out, signed in (in Russian) and as an administrator", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const problems = watchConsole(page);
    for (const path of ["/", "/clusters", "/clusters?view=map", `/clusters/${publicCluster.slug}`, "/signin", "/signup", "/forgot-password", "/verify-email"]) {
      await visit(page, path);
    }
    // The directory's client-side navigation runs under the same policy.
    await visit(page, `/clusters?q=${encodeURIComponent(publicCluster.name)}`);
    await page.getByRole("link", { name: publicCluster.name }).first().click();
    await expect(page).toHaveURL(new RegExp(`/clusters/${publicCluster.slug}`));

    // A member of a published cluster with a partner, an open request and a
    // notification, so that the organisation pages show their tables and forms.
    const owner = await createUser({ name: "Header Tester", locale: "ru" });
    const partnerOwner = await createUser({ name: "Partner Owner" });
    const org = await createApprovedOrganization({ owner, name: `Header Cluster ${uniqueSuffix()}` });
    const partner = await createApprovedOrganization({ owner: partnerOwner, name: `Partner Cluster ${uniqueSuffix()}`, country: "FR" });
    const [aId, bId] = org.id < partner.id ? [org.id, partner.id] : [partner.id, org.id];
    const partnership = await e2eDb().partnership.create({ data: { organizationAId: aId, organizationBId: bId, tie: "WEAK" } });
    await e2eDb().partnershipEvent.create({ data: { partnershipId: partnership.id, kind: "CREATED", organizationId: partner.id, actorName: partnerOwner.name, tie: "WEAK" } });
    const request = await e2eDb().cooperationRequest.create({
      data: { senderId: partner.id, receiverId: org.id, kind: "JOINT_PROJECT", subject: "A joint project", expiresAt: new Date(Date.now() + 30 * 86_400_000) },
    });
    await e2eDb().notification.create({
      data: { userId: owner.id, organizationId: org.id, kind: "request.received", data: { path: `/o/${org.slug}/requests/${request.id}`, orgName: partner.name, subject: request.subject } },
    });
    await signIn(page, owner);
    for (const path of [
      "/orgs",
      "/account",
      "/notifications",
      `/o/${org.slug}`,
      `/o/${org.slug}/members`,
      `/o/${org.slug}/settings`,
      `/o/${org.slug}/audit`,
      `/o/${org.slug}/profile`,
      `/o/${org.slug}/requests`,
      `/o/${org.slug}/requests/${request.id}`,
      `/o/${org.slug}/network`,
      `/o/${org.slug}/partnerships/${partnership.id}`,
      `/o/${org.slug}/recommendations`,
      `/clusters/${publicCluster.slug}`,
      "/orgs/new",
    ]) {
      await visit(page, path);
    }
    // The signed-in pages are in the user's language, and the bell's list shows the notification.
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await page.getByRole("button", { name: new RegExp(`^${ruNotifications.Notifications.bell.title}`) }).click();
    // Soft: a missing translation shows as a key here, and the check of `problems` below says which.
    await expect.soft(page.getByRole("link", { name: new RegExp(partner.name) }).first()).toBeVisible();

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    problems.push(...watchConsole(admin));
    await signIn(admin, ADMIN_LOGIN);
    for (const path of ["/admin", "/admin/review", "/admin/organizations", "/admin/users", "/dev/mailbox"]) {
      await visit(admin, path);
    }
    await adminContext.close();
    expect(problems).toEqual([]);
  });

  test("an injected inline event handler does not run, and the browser reports the violation", async ({ page }) => {
    // The control for the test above: the console watch does see a violation when there is one.
    const problems = watchConsole(page);
    await visit(page, "/");
    await page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", `<img src="/no-such-image.png" onerror="window.__xssRan = true">`);
    });
    await expect.poll(() => problems.length).toBeGreaterThan(0);
    expect(problems.join("\n")).toMatch(/inline event handler|Content Security Policy/i);
    expect(await page.evaluate(() => (window as unknown as { __xssRan?: boolean }).__xssRan)).toBeUndefined();
  });

  test("the session cookie is HttpOnly and SameSite=Lax, and the language cookie SameSite=Lax", async ({ page, context }) => {
    const user = await createUser();
    await signIn(page, user);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "next-auth.session-token");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
    for (const cookie of cookies.filter((c) => c.name.startsWith("next-auth."))) {
      expect(cookie, cookie.name).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    }

    await page.goto("/");
    await page.getByRole("button", { name: "Русский" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    const locale = (await context.cookies()).find((c) => c.name === "NEXT_LOCALE");
    // Readable by script on purpose (app/global-error.tsx); it holds no secret.
    expect(locale).toMatchObject({ value: "ru", sameSite: "Lax", httpOnly: false });
  });

  test("a server action posted from another site is refused with a 403; from this site it runs", async ({ request, baseURL }) => {
    const html = await (await request.get("/")).text();
    const actionField = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(html)?.[1];
    expect(actionField, "the language switcher's form carries its action id").toBeTruthy();
    const post = (origin: string) =>
      request.post("/", { headers: { Origin: origin }, multipart: { [actionField!]: "", locale: "ru" }, maxRedirects: 0 });

    const forged = await post("https://evil.example");
    expect(forged.status()).toBe(403);
    expect(forged.headers()["set-cookie"] ?? "").not.toContain("NEXT_LOCALE");

    const own = await post(baseURL!);
    expect(own.headers()["set-cookie"] ?? "").toContain("NEXT_LOCALE=ru");
  });
});
