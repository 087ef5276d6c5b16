/**
 * E-mails, in the recipient's language, each with a plain-text and an HTML
 * part. Texts live in the message files under "email.<template>"; the HTML
 * escapes every value, so a name like `<script>` arrives as text.
 */
import { createTranslator } from "next-intl";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { loadMessages } from "@/lib/i18n/messages";
import type { NotificationData, NotificationKind } from "@/lib/notifications/kinds";
import { notificationMessageValues } from "@/lib/notifications/notification-data";

export const EMAIL_TEMPLATES = {
  verifyEmail: ["url"],
  resetPassword: ["url"],
  confirmEmailChange: ["url", "newEmail"],
  accountExists: ["signInUrl", "resetUrl"],
  invitation: ["url", "orgName", "inviterName", "role"],
} as const;
// Notifications (profile reviews, requests, partnerships) have their own
// renderers below: renderNotificationEmail and renderDigestEmail.

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

function languageOf(locale: string): Locale {
  return isLocale(locale) ? locale : "en";
}

/** One e-mail's parts, laid out the same way in every template. */
type EmailParts = {
  lang: Locale;
  subject: string;
  intro: string;
  /** Links listed under the intro (the digest's items). */
  items?: { text: string; url: string }[];
  /** A line under the items ("…and 3 more"). */
  afterItems?: string;
  action: string;
  url: string;
  /** Paragraphs after the button. */
  outro: string[];
  signature: string;
};

function layout(parts: EmailParts): RenderedEmail {
  const items = parts.items ?? [];
  const text = [
    parts.intro,
    ...(items.length > 0 ? ["", ...items.map((item) => `- ${item.text}\n  ${item.url}`)] : []),
    ...(parts.afterItems ? ["", parts.afterItems] : []),
    "",
    `${parts.action}: ${parts.url}`,
    ...parts.outro.flatMap((line) => ["", line]),
    "",
    parts.signature,
  ].join("\n");
  const list =
    items.length > 0
      ? `\n<ul style="padding-inline-start:20px">${items
          .map((item) => `<li style="margin-bottom:8px"><a href="${escapeHtml(item.url)}" style="color:#0f766e">${escapeHtml(item.text)}</a></li>`)
          .join("")}</ul>`
      : "";
  const after = parts.afterItems ? `\n<p>${escapeHtml(parts.afterItems)}</p>` : "";
  const html = `<!doctype html>
<html lang="${parts.lang}"><body style="font-family:system-ui,sans-serif;color:#1f2937;max-width:560px;margin:0 auto;padding:24px">
<p style="font-size:18px;font-weight:600;color:#0f766e">Covalent</p>
<p>${escapeHtml(parts.intro)}</p>${list}${after}
<p><a href="${escapeHtml(parts.url)}" style="display:inline-block;background:#0f766e;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(parts.action)}</a></p>
<p style="font-size:13px;color:#6b7280">${escapeHtml(parts.url)}</p>
${parts.outro.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n")}
<p style="color:#6b7280">${escapeHtml(parts.signature)}</p>
</body></html>`;
  return { subject: parts.subject, text, html };
}

export function renderEmail<K extends EmailTemplate>(template: K, locale: string, data: EmailData<K>): RenderedEmail {
  const lang = languageOf(locale);
  const t = createTranslator({ locale: lang, messages: loadMessages(lang), namespace: "email" });
  const values = data as Record<string, string>;
  // Each template has: subject, intro (may use values), action (button label), outro.
  return layout({
    lang,
    subject: t(`${template}.subject` as never, values as never) as string,
    intro: t(`${template}.intro` as never, values as never) as string,
    action: t(`${template}.action` as never, values as never) as string,
    url: values.url ?? values.signInUrl ?? "",
    outro: [t(`${template}.outro` as never, values as never) as string],
    signature: t("signature" as never) as string,
  });
}

/**
 * The e-mail of one notification, in the recipient's language. Texts are
 * under "email.notification.<kind>" (kinds have dots, so they nest:
 * email.notification.request.received): a subject and an intro, and an
 * action and outro where a kind needs its own (else the shared action). The
 * footer says why the mail came and links to the settings.
 */
export function renderNotificationEmail(
  kind: NotificationKind,
  locale: string,
  data: NotificationData,
  links: { url: string; settingsUrl: string },
): RenderedEmail {
  const lang = languageOf(locale);
  const t = createTranslator({ locale: lang, messages: loadMessages(lang), namespace: "email.notification" });
  const values = { ...notificationMessageValues(data), settingsUrl: links.settingsUrl };
  const own = (part: string) => (t.has(`${kind}.${part}` as never) ? (t(`${kind}.${part}` as never, values as never) as string) : null);
  return layout({
    lang,
    subject: t(`${kind}.subject` as never, values as never) as string,
    intro: t(`${kind}.intro` as never, values as never) as string,
    action: own("action") ?? (t("action" as never) as string),
    url: links.url,
    outro: [own("outro"), t("footer" as never, values as never) as string].filter((line): line is string => Boolean(line)),
    signature: createTranslator({ locale: lang, messages: loadMessages(lang), namespace: "email" })("signature"),
  });
}

/** The most items one digest lists; the rest are counted ("…and 3 more"). */
export const DIGEST_MAX_ITEMS = 50;

/**
 * The weekly digest: one line per notification (the bell's text,
 * "Notifications.kinds.<kind>"), each with its link, newest last.
 */
export function renderDigestEmail(
  locale: string,
  items: { kind: NotificationKind; data: NotificationData; url: string }[],
  links: { url: string; settingsUrl: string },
): RenderedEmail {
  const lang = languageOf(locale);
  const messages = loadMessages(lang);
  const t = createTranslator({ locale: lang, messages, namespace: "email" });
  const kinds = createTranslator({ locale: lang, messages, namespace: "Notifications.kinds" });
  const shown = items.slice(0, DIGEST_MAX_ITEMS);
  const hidden = items.length - shown.length;
  return layout({
    lang,
    subject: t("notificationDigest.subject", { count: items.length }),
    intro: t("notificationDigest.intro"),
    items: shown.map((item) => ({
      text: kinds(item.kind as never, notificationMessageValues(item.data) as never) as string,
      url: item.url,
    })),
    afterItems: hidden > 0 ? t("notificationDigest.more", { count: hidden }) : undefined,
    action: t("notificationDigest.action"),
    url: links.url,
    outro: [t("notification.footer", { settingsUrl: links.settingsUrl })],
    signature: t("signature"),
  });
}
