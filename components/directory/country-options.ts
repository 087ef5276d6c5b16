import { countryOptions } from "@/lib/geo/countries";

/**
 * The "targets my country" choices (every ISO country, sorted by name in the
 * language): built once per language and process instead of looking up and
 * sorting 250 names on every directory request.
 */
const byLocale = new Map<string, { code: string; name: string }[]>();

export function directoryCountryOptions(locale: string): { code: string; name: string }[] {
  let options = byLocale.get(locale);
  if (!options) {
    options = countryOptions(locale);
    byLocale.set(locale, options);
  }
  return options;
}
