/**
 * E-mails, in the recipient's language, each with a plain-text and an HTML
 * part. Texts live in the message files under "email.<template>"; the HTML
 * escapes every value, so a name like `<script>` arrives as text.
 */
import { createTranslator } from "next-intl";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { loadMessages } from "@/lib/i18n/messages";

export const EMAIL_TEMPLATES = {
  verifyEmail: ["url"],
  resetPassword: ["url"],
  confirmEmailChange: ["url", "newEmail"],
  accountExists: ["signInUrl", "resetUrl"],
  invitation: ["url", "orgName", "inviterName", "role"],
  profileApproved: ["url", "orgName"],
  profileRejected: ["url", "orgName", "reason"],
} as const;

export type EmailTemplate = keyof typeof EMAIL_TEMPLATES;
export type EmailData<K extends EmailTemplate> = Record<(typeof EMAIL_TEMPLATES)[K][number], string>;

export type RenderedEmail = { subject: string; text: string; html: string };

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function renderEmail<K extends EmailTemplate>(template: K, locale: string, data: EmailData<K>): RenderedEmail {
  const lang: Locale = isLocale(locale) ? locale : "en";
  const t = createTranslator({ locale: lang, messages: loadMessages(lang), namespace: "email" });
  const values = data as Record<string, string>;
  // Each template has: subject, intro (may use values), action (button label), outro.
  const subject = t(`${template}.subject` as never, values as never) as string;
  const intro = t(`${template}.intro` as never, values as never) as string;
  const action = t(`${template}.action` as never, values as never) as string;
  const outro = t(`${template}.outro` as never, values as never) as string;
  const signature = t("signature" as never) as string;
  const url = values.url ?? values.signInUrl ?? "";

  const text = [intro, "", `${action}: ${url}`, "", outro, "", signature].join("\n");
  const html = `<!doctype html>
<html lang="${lang}"><body style="font-family:system-ui,sans-serif;color:#1f2937;max-width:560px;margin:0 auto;padding:24px">
<p style="font-size:18px;font-weight:600;color:#0f766e">Covalent</p>
<p>${escapeHtml(intro)}</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#0f766e;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(action)}</a></p>
<p style="font-size:13px;color:#6b7280">${escapeHtml(url)}</p>
<p>${escapeHtml(outro)}</p>
<p style="color:#6b7280">${escapeHtml(signature)}</p>
</body></html>`;
  return { subject, text, html };
}
