import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locale";
import { EMAIL_TEMPLATES, escapeHtml, renderEmail, type EmailTemplate } from "./templates";

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
