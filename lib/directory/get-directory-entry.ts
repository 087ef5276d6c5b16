import "server-only";
import { countryName } from "@/lib/geo/countries";
import type { Locale } from "@/lib/i18n/locale";
import { getPublicProfile } from "@/lib/profiles/public-profile";
import { listTaxonomyOptions, type TaxonomyOption } from "@/lib/profiles/taxonomies";
import { fileUrl } from "@/lib/storage/file-url";
import type { CLUSTER_LABELS, TDirectoryEntry } from "./schemas";

function labelled(codes: string[], options: TaxonomyOption[]): { code: string; label: string }[] {
  const byCode = new Map(options.map((o) => [o.code, o.label]));
  return codes.map((code) => ({ code, label: byCode.get(code) ?? code }));
}

/**
 * One published profile for the API (`GET /api/v1/clusters/{slug}`), or null
 * for an unknown or unpublished slug. Public fields only: no contact e-mail
 * (the profile page shows it to people; the API does not hand out address
 * lists), no pending name or country change. `url` and `logoUrl` are paths on this site.
 */
export async function getDirectoryEntry(slug: string, options: { locale: Locale }): Promise<TDirectoryEntry | null> {
  const org = await getPublicProfile(slug);
  if (!org) return null;
  const p = org.profile;
  const taxonomies = await listTaxonomyOptions(options.locale);
  const members = {
    sme: p.membersSme,
    large: p.membersLarge,
    research: p.membersResearch,
    university: p.membersUniversity,
    public: p.membersPublic,
    other: p.membersOther,
  };
  return {
    slug: org.slug,
    name: org.name,
    acronym: p.acronym,
    country: org.country,
    countryName: countryName(org.country, options.locale),
    region: p.region,
    city: p.city,
    latitude: p.latitude,
    longitude: p.longitude,
    yearFounded: p.yearFounded,
    website: p.website,
    description: { en: p.descriptionEn, ru: p.descriptionRu },
    offers: p.offers,
    seeks: p.seeks,
    ecosystems: labelled(p.ecosystems, taxonomies.ecosystem),
    sectors: labelled(p.sectors, taxonomies.sector),
    keywords: labelled(p.keywords, taxonomies.keyword),
    tags: p.tags,
    members: { ...members, total: Object.values(members).reduce((a, b) => a + b, 0) },
    managementFte: p.managementFte,
    label: p.label as (typeof CLUSTER_LABELS)[number],
    targetCountries: p.targetCountries,
    internationalisationLevel: p.internationalisationLevel,
    supportProgrammes: p.supportProgrammes,
    logoUrl: p.logoKey ? fileUrl(p.logoKey) : null,
    url: `/clusters/${encodeURIComponent(org.slug)}`,
    publishedAt: p.publishedAt ? p.publishedAt.toISOString() : null,
    updatedAt: p.updatedAt.toISOString(),
  };
}
