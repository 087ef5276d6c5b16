import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { locales, type Locale } from "@/lib/i18n/locale";
import { loadMessages } from "@/lib/i18n/messages";
import { NOTIFICATION_DELIVERIES, NOTIFICATION_KIND_LIST, NOTIFICATION_KINDS, type NotificationData } from "./kinds";
import { isAppPath, notificationMessageValues, NOTIFICATIONS_PATH, toNotificationData } from "./notification-data";
import { ZUpdateNotificationPreferencesSchema } from "./schemas";

/** A translator that fails the test on a missing message or argument instead of printing a fallback. */
function strict(locale: Locale, namespace: "Notifications" | "NotificationPreferences") {
  return createTranslator({
    locale,
    messages: loadMessages(locale),
    namespace,
    onError: (error) => {
      throw error;
    },
  });
}

const RAW_PLACEHOLDER = /\{\s*[A-Za-z_]\w*\s*[,}]/;

const SAMPLE: NotificationData = {
  path: "/o/medicon/requests/abc",
  orgName: "Medicon Valley Alliance",
  subject: "Joint Horizon Europe proposal on cell therapy",
  reason: "We do not work on cell therapy.",
  tie: "DURABLE",
  count: 3,
};

const cases = locales.flatMap((locale) => NOTIFICATION_KIND_LIST.map((kind) => [kind, locale] as const));

describe("notification texts", () => {
  it.each(cases)("%s reads as one filled line in %s", (kind, locale) => {
    const t = strict(locale, "Notifications");
    const text = t(`kinds.${kind}` as never, notificationMessageValues(SAMPLE) as never) as string;
    expect(text.trim()).not.toBe("");
    expect(text).not.toContain("\n");
    expect(text).not.toMatch(RAW_PLACEHOLDER);
    expect(text).toContain(SAMPLE.orgName);
    const english = loadMessages("en").Notifications.kinds as unknown as Record<string, Record<string, string>>;
    const [group, name] = kind.split(".") as [string, string];
    const source = english[group]![name]!;
    if (source.includes("{subject}")) expect(text).toContain(SAMPLE.subject);
    if (source.includes("{count")) expect(text).toContain("3");
    if (source.includes("{tie")) expect(text).toMatch(locale === "en" ? /durable/ : /устойчив/);
  });

  it.each(cases)("%s has a label in the %s preferences form", (kind, locale) => {
    const t = strict(locale, "NotificationPreferences");
    expect((t(`kinds.${kind}` as never) as string).trim()).not.toBe("");
    expect((t(`groups.${kind.split(".")[0]}` as never) as string).trim()).not.toBe("");
  });

  it.each(locales)("names every delivery in %s", (locale) => {
    const t = strict(locale, "NotificationPreferences");
    for (const delivery of NOTIFICATION_DELIVERIES) expect((t(`deliveries.${delivery}` as never) as string).trim()).not.toBe("");
  });

  it("still reads well when the event carried no subject, reason or tie", () => {
    for (const locale of locales) {
      const t = strict(locale, "Notifications");
      const values = notificationMessageValues({ path: "/x", orgName: "Lund Bio" });
      const text = t("kinds.partnership.raiseProposed", values);
      expect(text).toContain("Lund Bio");
      expect(text).toMatch(locale === "en" ? /stronger tie/ : /более прочной связи/);
    }
  });

  it("gives the bell an accessible name with the unread count in both languages", () => {
    const en = strict("en", "Notifications");
    expect(en("bell.label", { count: 0 })).toBe("Notifications");
    expect(en("bell.label", { count: 1 })).toBe("Notifications, 1 unread");
    expect(en("bell.label", { count: 3 })).toBe("Notifications, 3 unread");
    const ru = strict("ru", "Notifications");
    expect(ru("bell.label", { count: 0 })).toBe("Уведомления");
    expect(ru("bell.label", { count: 1 })).toBe("Уведомления, 1 непрочитанное");
    expect(ru("bell.label", { count: 3 })).toBe("Уведомления, 3 непрочитанных");
    expect(ru("bell.label", { count: 21 })).toBe("Уведомления, 21 непрочитанное");
  });

  it("every kind has a default delivery the preferences accept", () => {
    for (const kind of NOTIFICATION_KIND_LIST) {
      expect(NOTIFICATION_DELIVERIES).toContain(NOTIFICATION_KINDS[kind].defaultDelivery);
    }
  });
});

describe("stored notification data", () => {
  it("keeps paths inside the app and nothing else", () => {
    expect(isAppPath("/o/acme/requests/1?tab=thread#m2")).toBe(true);
    for (const bad of ["//evil.example/x", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "", "/a b", 42, null]) {
      expect(isAppPath(bad)).toBe(false);
    }
  });

  it("reads malformed JSON as safe values instead of failing", () => {
    expect(toNotificationData(null)).toEqual({ path: NOTIFICATIONS_PATH, orgName: "" });
    expect(toNotificationData({ path: "//evil.example", orgName: 5 })).toEqual({ path: NOTIFICATIONS_PATH, orgName: "" });
    expect(toNotificationData({ path: "//evil.example", orgName: "Acme" })).toEqual({ path: NOTIFICATIONS_PATH, orgName: "Acme" });
    expect(toNotificationData(SAMPLE)).toEqual(SAMPLE);
  });
});

describe("preferences input", () => {
  it("accepts known kinds and deliveries only", () => {
    expect(ZUpdateNotificationPreferencesSchema.safeParse({ preferences: { "request.received": "DIGEST" } }).success).toBe(true);
    expect(ZUpdateNotificationPreferencesSchema.safeParse({ preferences: {} }).success).toBe(true);
    for (const bad of [
      { preferences: { "request.unknown": "OFF" } },
      { preferences: { "request.received": "SOMETIMES" } },
      { preferences: { "request.received": null } },
      { preferences: JSON.parse(`{"__proto__":"OFF","constructor":"OFF"}`) },
      { preferences: "OFF" },
      {},
    ]) {
      expect(ZUpdateNotificationPreferencesSchema.safeParse(bad).success).toBe(false);
    }
  });
});
