import { z } from "zod";
import { locales, matchLocale, resolveLocale, type Locale } from "@/lib/i18n/locale";

/** The `lang` query parameter of the API: the language of names, labels and summaries. */
export const ZApiLang = z
  .enum(locales)
  .optional()
  .meta({ description: "Language of country names, taxonomy labels and summaries. Default: the Accept-Language header, then English." });

/** `?lang=` first, then Accept-Language, then the default language. */
export function apiLocale(request: Request, url = new URL(request.url)): Locale {
  return matchLocale(url.searchParams.get("lang")) ?? resolveLocale({ acceptLanguage: request.headers.get("accept-language") });
}
