/**
 * ISO 3166-1 countries with their names in our languages, from the kept
 * i18n-iso-countries package (not a list of our own).
 */
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import ru from "i18n-iso-countries/langs/ru.json";
import { z } from "zod";

countries.registerLocale(en);
countries.registerLocale(ru);

export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

export function isCountryCode(code: string): boolean {
  return countries.isValid(code) && code.length === 2 && code === code.toUpperCase();
}

export function countryName(code: string, locale: string): string {
  return countries.getName(code, locale === "ru" ? "ru" : "en", { select: "official" }) ?? code;
}

/** Countries sorted by their name in the given language, for select boxes. */
export function countryOptions(locale: string): { code: string; name: string }[] {
  const collator = new Intl.Collator(locale);
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}

export const ZCountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, "orgs.country.invalid");
