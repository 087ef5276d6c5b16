import "server-only";
import { getDb } from "@/lib/db/client";
import { countryName } from "@/lib/geo/countries";
import type { Locale } from "@/lib/i18n/locale";
import { listDismissedRecommendations } from "./dismiss-recommendation";
import { listRecommendations } from "./list-recommendations";

type Ctx = { actor: { id: string; email: string } };

/**
 * Everything the recommendations page shows: the ranked suggestions, the
 * dismissed ones (to restore), and the names of the ecosystems, sectors,
 * technologies and countries their reasons mention, in the reader's language.
 */
export async function getRecommendationsPage(input: { orgSlug: string; includeOwnCountry: boolean; locale: Locale }, ctx: Ctx) {
  const list = await listRecommendations({ orgSlug: input.orgSlug, includeOwnCountry: input.includeOwnCountry }, ctx);
  const dismissed = await listDismissedRecommendations({ orgSlug: input.orgSlug, perPage: 100 }, ctx);
  const db = getDb();
  const [ecosystems, sectors, keywords] = await Promise.all([
    db.ecosystem.findMany({ select: { code: true, labelEn: true, labelRu: true } }),
    db.sector.findMany({ select: { code: true, labelEn: true, labelRu: true } }),
    db.technologyKeyword.findMany({ select: { code: true, labelEn: true, labelRu: true } }),
  ]);
  const labelsOf = (rows: { code: string; labelEn: string; labelRu: string }[]) =>
    Object.fromEntries(rows.map((r) => [r.code, input.locale === "ru" ? r.labelRu : r.labelEn]));
  const countryCodes = new Set<string>([list.organization.country]);
  for (const item of list.data) {
    countryCodes.add(item.country);
    for (const reason of item.reasons) if ("country" in reason) countryCodes.add(reason.country);
  }
  for (const item of dismissed.data) countryCodes.add(item.country);
  return {
    ...list,
    dismissed: dismissed.data.map((d) => ({ slug: d.slug, name: d.name, country: d.country })),
    labels: {
      ecosystems: labelsOf(ecosystems),
      sectors: labelsOf(sectors),
      keywords: labelsOf(keywords),
      countries: Object.fromEntries([...countryCodes].map((code) => [code, countryName(code, input.locale)])),
    },
  };
}

export type RecommendationsPageData = Awaited<ReturnType<typeof getRecommendationsPage>>;
export type RecommendationLabels = RecommendationsPageData["labels"];
