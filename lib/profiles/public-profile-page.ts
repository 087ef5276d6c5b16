import "server-only";
import { cache } from "react";
import { getEnv } from "@/lib/env";
import { countryName } from "@/lib/geo/countries";
import type { Locale } from "@/lib/i18n/locale";
import { fileUrl } from "@/lib/storage/file-url";
import { organizationJsonLd, summarize } from "./json-ld";
import { getPublicProfile } from "./public-profile";
import { listTaxonomyOptions, type TaxonomyOption } from "./taxonomies";

/** Codes with their labels in the viewer's language; codes retired from a taxonomy are left out. */
function labelled(codes: string[], options: TaxonomyOption[]): TaxonomyOption[] {
  const byCode = new Map(options.map((o) => [o.code, o]));
  return codes.flatMap((code) => byCode.get(code) ?? []);
}

/**
 * Everything /clusters/[slug] shows, or null for an unknown or unpublished
 * slug (the page answers 404). The description is the one in the viewer's
 * language, or the other one (marked as such) when that is empty.
 * Cached per request: generateMetadata and the page share one lookup.
 */
export const getPublicProfilePage = cache(async (slug: string, locale: Locale) => {
  const org = await getPublicProfile(slug);
  if (!org) return null;
  const p = org.profile;
  const taxonomies = await listTaxonomyOptions(locale);
  const { appUrl } = getEnv();

  const own = locale === "ru" ? p.descriptionRu : p.descriptionEn;
  const other = locale === "ru" ? p.descriptionEn : p.descriptionRu;
  const description = own.trim()
    ? { text: own, language: locale, isFallback: false }
    : { text: other, language: locale === "ru" ? ("en" as const) : ("ru" as const), isFallback: other.trim() !== "" };

  const pageUrl = `${appUrl}/clusters/${encodeURIComponent(org.slug)}`;
  const logoPath = p.logoKey ? fileUrl(p.logoKey) : null;
  // Absolute for OpenGraph and JSON-LD, which are read off the site.
  const logoUrl = logoPath ? `${appUrl}${logoPath}` : null;
  const ecosystems = labelled(p.ecosystems, taxonomies.ecosystem);
  const sectors = labelled(p.sectors, taxonomies.sector);
  const keywords = labelled(p.keywords, taxonomies.keyword);
  const summary = summarize(description.text, 160);

  return {
    name: org.name,
    slug: org.slug,
    country: { code: org.country, name: countryName(org.country, locale) },
    profile: p,
    description,
    summary,
    pageUrl,
    logoPath,
    logoUrl,
    ecosystems,
    sectors,
    keywords,
    targetCountries: p.targetCountries.map((code) => ({ code, name: countryName(code, locale) })),
    jsonLd: organizationJsonLd({
      name: org.name,
      acronym: p.acronym,
      website: p.website,
      logoUrl,
      pageUrl,
      country: org.country,
      region: p.region,
      city: p.city,
      yearFounded: p.yearFounded,
      description: description.text,
      contactEmail: p.contactEmail,
      knowsAbout: [...ecosystems, ...keywords].map((o) => o.label),
    }),
  };
});

export type PublicProfilePage = NonNullable<Awaited<ReturnType<typeof getPublicProfilePage>>>;
