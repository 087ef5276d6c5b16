import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";

import { isLocale, LOCALE_COOKIE, resolveLocale, type Locale } from "@/lib/i18n/locale";
import { loadMessages, type Messages } from "@/lib/i18n/messages";
import { getSessionUser } from "@/lib/auth/session";

// No i18n routing: the URL never carries the locale. Each request picks it
// from (1) the signed-in user's saved choice, (2) the NEXT_LOCALE cookie the
// language switcher sets, (3) Accept-Language, (4) English.

/**
 * The signed-in user's saved language, or undefined. Never throws: a database
 * outage must still let the error page render in some language.
 */
async function getSignedInUserLocale(): Promise<string | undefined> {
  try {
    return (await getSessionUser())?.locale;
  } catch {
    return undefined;
  }
}

async function getRequestLocale(): Promise<Locale> {
  const [cookieStore, headerList, userLocale] = await Promise.all([
    cookies(),
    headers(),
    getSignedInUserLocale(),
  ]);
  return resolveLocale({
    userLocale,
    cookieLocale: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
}

export default getRequestConfig(async ({ locale: explicitLocale }) => {
  // An explicit locale comes from calls like getTranslations({ locale: "ru" }),
  // e.g. when rendering an e-mail in the recipient's language.
  const locale = isLocale(explicitLocale) ? explicitLocale : await getRequestLocale();
  const messages = loadMessages(locale);
  return {
    locale,
    messages,
    // One zone for server and client so dates render the same on both sides;
    // switch to the user's own zone once accounts store it.
    timeZone: "UTC",
  };
});


// Type-checks every t("...") key and locale against the English catalogue
// (messages.test.ts keeps ru.json in step with it).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
