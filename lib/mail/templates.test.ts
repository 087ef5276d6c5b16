import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locale";
import { NOTIFICATION_KIND_LIST, type NotificationData } from "@/lib/notifications/kinds";
import {
  DIGEST_MAX_ITEMS,
  EMAIL_TEMPLATES,
  escapeHtml,
  renderDigestEmail,
  renderEmail,
  renderNotificationEmail,
  type EmailTemplate,
} from "./templates";

const HOSTILE = "<script>alert(1)</script>";

/** Realistic values for every placeholder a template takes; the link is unique per template. */
function sampleData(template: EmailTemplate): Record<string, string> {
  const link = `https://covalent.example/${template}?token=abc123&x=1`;
  const values: Record<string, string> = {
    url: link,
    signInUrl: link,
    resetUrl: "https://covalent.example/forgot-password",
    newEmail: "new.address@example.org",
    orgName: "Medicon Valley Alliance",
    inviterName: "Anna Karlsson",
    role: "EDITOR",
    reason: "Fewer than 15 committed members",
  };
  return Object.fromEntries(EMAIL_TEMPLATES[template].map((key) => [key, values[key] ?? key]));
}

/** An ICU argument that was not replaced, e.g. "{orgName}" or "{role, select, …}". */
const RAW_PLACEHOLDER = /\{\s*[A-Za-z_]\w*\s*[,}]/;

const templates = Object.keys(EMAIL_TEMPLATES) as EmailTemplate[];
const cases = locales.flatMap((locale) => templates.map((template) => [template, locale] as const));

describe("renderEmail", () => {
  it.each(cases)("%s in %s has a subject, a text and an HTML part with the link", (template, locale) => {
    const data = sampleData(template);
    const email = renderEmail(template, locale, data as never);
    const link = data.url ?? data.signInUrl!;

    expect(email.subject.trim()).not.toBe("");
    expect(email.subject).not.toContain("\n");
    expect(email.text.trim()).not.toBe("");
    expect(email.html.trim()).not.toBe("");

    expect(email.text).toContain(link);
    // In HTML the "&" of the query string is escaped, inside the href too.
    expect(email.html).toContain(`href="${escapeHtml(link)}"`);
    expect(email.html).toContain(`<html lang="${locale}">`);

    for (const part of [email.subject, email.text, email.html]) {
      expect(part).not.toMatch(RAW_PLACEHOLDER);
      // next-intl answers a missing message with its key path.
      expect(part).not.toMatch(new RegExp(`\\b${template}\\.(subject|intro|action|outro)\\b`));
    }
  });

  it.each(locales)("writes every value into the %s e-mail it belongs to", (locale) => {
    const invitation = renderEmail("invitation", locale, sampleData("invitation") as never);
    expect(invitation.subject).toContain("Anna Karlsson");
    expect(invitation.subject).toContain("Medicon Valley Alliance");
    expect(invitation.text).toContain("Anna Karlsson");

    const change = renderEmail("confirmEmailChange", locale, sampleData("confirmEmailChange") as never);
    expect(change.text).toContain("new.address@example.org");
    expect(change.html).toContain("new.address@example.org");

    const exists = renderEmail("accountExists", locale, sampleData("accountExists") as never);
    expect(exists.text).toContain("https://covalent.example/forgot-password");
  });

  it("is written in the recipient's language", () => {
    const en = renderEmail("resetPassword", "en", { url: "https://x.example/r" });
    const ru = renderEmail("resetPassword", "ru", { url: "https://x.example/r" });
    expect(en.subject).toMatch(/password/i);
    expect(ru.subject).toMatch(/парол/i);
    expect(ru.text).toMatch(/[а-я]/i);
  });

  it("falls back to English for an unknown language", () => {
    const email = renderEmail("resetPassword", "xx", { url: "https://x.example/r" });
    expect(email.subject).toBe(renderEmail("resetPassword", "en", { url: "https://x.example/r" }).subject);
  });

  it.each(locales)("escapes values in the %s HTML part, so a name cannot inject markup", (locale) => {
    const email = renderEmail("invitation", locale, {
      url: `https://covalent.example/invite?t="><img src=x onerror=alert(1)>`,
      orgName: HOSTILE,
      inviterName: `Mallory "the" O'Hara & co`,
      role: "ADMIN",
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.html).toContain("Mallory &quot;the&quot; O&#39;Hara &amp; co");
    // The plain-text part is text: the name is shown as typed.
    expect(email.text).toContain(HOSTILE);
    // The subject is a header, not HTML: no entities in it.
    expect(email.subject).toContain(HOSTILE);
  });

  it("escapes an e-mail address in the HTML part", () => {
    const email = renderEmail("confirmEmailChange", "en", {
      url: "https://covalent.example/c",
      newEmail: `"<b>x</b>"@example.org`,
    });
    expect(email.html).not.toContain("<b>x</b>");
    expect(email.html).toContain("&quot;&lt;b&gt;x&lt;/b&gt;&quot;@example.org");
  });
});

const NOTICE: NotificationData = {
  path: "/o/medicon/requests/r1",
  orgName: "Medicon Valley Alliance",
  subject: "Joint Horizon Europe proposal",
  reason: "Fewer than 15 committed members",
  tie: "COVALENT",
  count: 4,
};
const LINKS = { url: "https://covalent.example/o/medicon/requests/r1?a=1&b=2", settingsUrl: "https://covalent.example/account#notifications" };
/** A message path that fell back to its key, e.g. "email.notification.request.received.subject". */
const KEY_FALLBACK = /\b(email|notification|Notifications)\.[\w.]+\b/;

describe("renderNotificationEmail", () => {
  const notificationCases = locales.flatMap((locale) => NOTIFICATION_KIND_LIST.map((kind) => [kind, locale] as const));

  it.each(notificationCases)("%s in %s has a subject, the link, the settings link and no raw placeholder", (kind, locale) => {
    const email = renderNotificationEmail(kind, locale, NOTICE, LINKS);
    expect(email.subject.trim()).not.toBe("");
    expect(email.subject).not.toContain("\n");
    expect(email.subject + email.text).toContain("Medicon Valley Alliance");
    expect(email.text).toContain(LINKS.url);
    expect(email.text).toContain(LINKS.settingsUrl);
    expect(email.html).toContain(`href="${escapeHtml(LINKS.url)}"`);
    expect(email.html).toContain(`<html lang="${locale}">`);
    for (const part of [email.subject, email.text, email.html]) {
      expect(part).not.toMatch(RAW_PLACEHOLDER);
      expect(part).not.toMatch(KEY_FALLBACK);
    }
  });

  it.each(locales)("keeps the profile review e-mails' own texts in %s", (locale) => {
    const approved = renderNotificationEmail("profile.approved", locale, NOTICE, LINKS);
    const rejected = renderNotificationEmail("profile.rejected", locale, NOTICE, LINKS);
    expect(approved.subject).toContain("Medicon Valley Alliance");
    expect(rejected.text).toContain("Fewer than 15 committed members");
    expect(approved.text).toMatch(locale === "en" ? /Open the profile/ : /Открыть профиль/);
  });

  it("writes the request's reason, subject and tie into the e-mail, in the recipient's language", () => {
    const declined = renderNotificationEmail("request.declined", "en", NOTICE, LINKS);
    expect(declined.subject).toContain("Joint Horizon Europe proposal");
    expect(declined.text).toContain("Fewer than 15 committed members");
    const raised = renderNotificationEmail("partnership.raiseConfirmed", "ru", NOTICE, LINKS);
    expect(raised.text).toContain("ковалентная связь");
    expect(renderNotificationEmail("request.received", "xx", NOTICE, LINKS).subject).toBe(
      renderNotificationEmail("request.received", "en", NOTICE, LINKS).subject,
    );
  });

  it("escapes an organisation's name and a subject in the HTML part", () => {
    const email = renderNotificationEmail("request.received", "en", { ...NOTICE, orgName: HOSTILE, subject: `"><img src=x>` }, LINKS);
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img");
    expect(email.text).toContain(HOSTILE);
  });
});

describe("renderDigestEmail", () => {
  const item = (n: number) => ({
    kind: "request.received" as const,
    data: { ...NOTICE, subject: `Proposal ${n}`, path: `/o/medicon/requests/r${n}` },
    url: `https://covalent.example/o/medicon/requests/r${n}`,
  });
  const links = { url: "https://covalent.example/notifications", settingsUrl: LINKS.settingsUrl };

  it.each(locales)("lists every item with its link in %s", (locale) => {
    const email = renderDigestEmail(locale, [item(1), item(2)], links);
    expect(email.subject).toContain("2");
    for (const n of [1, 2]) {
      expect(email.text).toContain(`Proposal ${n}`);
      expect(email.text).toContain(`https://covalent.example/o/medicon/requests/r${n}`);
      expect(email.html).toContain(`href="https://covalent.example/o/medicon/requests/r${n}"`);
    }
    expect(email.text).toContain(links.url);
    expect(email.text).toContain(links.settingsUrl);
    for (const part of [email.subject, email.text, email.html]) {
      expect(part).not.toMatch(RAW_PLACEHOLDER);
      expect(part).not.toMatch(KEY_FALLBACK);
    }
  });

  it("lists at most DIGEST_MAX_ITEMS and counts the rest", () => {
    const items = Array.from({ length: DIGEST_MAX_ITEMS + 3 }, (_, i) => item(i + 1));
    const email = renderDigestEmail("en", items, links);
    expect(email.subject).toContain(String(DIGEST_MAX_ITEMS + 3));
    expect(email.text).toContain(`requests/r${DIGEST_MAX_ITEMS}\n`);
    expect(email.text).not.toContain(`requests/r${DIGEST_MAX_ITEMS + 1}\n`);
    expect(email.text).toContain("3 more notifications");
  });

  it("escapes the items in the HTML part", () => {
    const email = renderDigestEmail("ru", [{ ...item(1), data: { ...NOTICE, orgName: HOSTILE } }], links);
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
  });
});
