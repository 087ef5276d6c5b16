// Pure locale logic, shared by the server (i18n/request.ts, the switcher action)
// and the client (global-error.tsx). No Next.js imports here.

export const locales = ["en", "ru"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Same name next-intl's middleware uses, so adding i18n routing later keeps users' choices. */
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365; // one year, in seconds

/**
 * Each language's name in that language (endonym). These are deliberately not
 * in messages/*.json: a Russian speaker looks for "Русский" whatever language
 * the page is in.
 */
export const localeNames: Record<Locale, string> = {
  en: "English",
  ru: "Русский",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * Maps a BCP 47 tag ("ru", "ru-RU", "EN_us") to a supported locale: an exact
 * match first, then the primary language subtag. Returns undefined otherwise.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const normalized = tag.trim().replace(/_/g, "-").toLowerCase();
  if (!normalized || normalized.length > 35) return undefined;
  const exact = locales.find((l) => l.toLowerCase() === normalized);
  if (exact) return exact;
  const primary = normalized.split("-")[0];
  return locales.find((l) => l.toLowerCase().split("-")[0] === primary);
}

// A real Accept-Language header has a handful of entries; cap the work so a
// hostile multi-kilobyte header cannot make every request slow.
const MAX_ACCEPT_LANGUAGE_ENTRIES = 32;

/**
 * Parses an Accept-Language header into tags ordered by preference
 * (q-value descending, header order for ties). Entries with q=0 (explicitly
 * "not acceptable"), malformed q-values and "*" are dropped.
 */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const entries: { tag: string; q: number; index: number }[] = [];
  const parts = header.split(",", MAX_ACCEPT_LANGUAGE_ENTRIES);
  parts.forEach((part, index) => {
    const [rawTag, ...params] = part.split(";");
    const tag = rawTag?.trim();
    if (!tag || tag === "*" || !/^[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8})*$/.test(tag)) return;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split("=").map((s) => s.trim());
      if (key?.toLowerCase() !== "q") continue;
      if (!value || !/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value)) return; // malformed: ignore entry
      q = Number(value);
    }
    if (q <= 0) return;
    entries.push({ tag, q, index });
  });
  entries.sort((a, b) => b.q - a.q || a.index - b.index);
  return entries.map((e) => e.tag);
}

export interface ResolveLocaleInput {
  /** The signed-in user's saved preference, if any (wins over everything). */
  userLocale?: string | null;
  /** Value of the NEXT_LOCALE cookie set by the language switcher. */
  cookieLocale?: string | null;
  /** Raw Accept-Language request header. */
  acceptLanguage?: string | null;
}

/** Picks the locale for a request: user's choice → cookie → Accept-Language → default. */
export function resolveLocale({ userLocale, cookieLocale, acceptLanguage }: ResolveLocaleInput): Locale {
  const fromUser = matchLocale(userLocale);
  if (fromUser) return fromUser;
  const fromCookie = matchLocale(cookieLocale);
  if (fromCookie) return fromCookie;
  for (const tag of parseAcceptLanguage(acceptLanguage)) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return defaultLocale;
}
