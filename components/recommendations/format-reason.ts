import type { RecommendationReason } from "@/lib/recommendations/score";

/** Names of the codes and countries reasons mention, in the reader's language. */
export type ReasonLabels = {
  ecosystems: Record<string, string>;
  sectors: Record<string, string>;
  keywords: Record<string, string>;
  countries: Record<string, string>;
};

/** A translator over the "Recommendations" namespace (next-intl's useTranslations or createTranslator). */
export type ReasonTranslator = (key: string, values?: Record<string, string | number>) => string;

/** At most this many technologies are named in one reason. */
const MAX_LISTED = 3;

/**
 * One reason in plain words: "Both in Health.", "They seek “clinical-trial
 * networks”; you offer “a Nordic clinical-trial network”.", "They target
 * Denmark." The quoted parts are the organisations' own words.
 */
export function formatReason(reason: RecommendationReason, t: ReasonTranslator, labels: ReasonLabels, locale: string): string {
  const list = (codes: string[], names: Record<string, string>, max = codes.length) => {
    const shown = codes.slice(0, max).map((code) => t("quotedTerm", { term: names[code] ?? code }));
    return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(shown);
  };
  const country = (code: string) => labels.countries[code] ?? code;
  switch (reason.kind) {
    case "sharedEcosystems":
      return t("reasons.sharedEcosystems", { count: reason.codes.length, list: list(reason.codes, labels.ecosystems) });
    case "sharedSectors":
      return t("reasons.sharedSectors", { count: reason.codes.length, list: list(reason.codes, labels.sectors) });
    case "sharedKeywords":
      return t("reasons.sharedKeywords", { list: list(reason.codes, labels.keywords, MAX_LISTED) });
    case "theySeekWeOffer":
      return t("reasons.theySeekWeOffer", { theirs: reason.theirs, ours: reason.ours });
    case "theyOfferWeSeek":
      return t("reasons.theyOfferWeSeek", { theirs: reason.theirs, ours: reason.ours });
    case "theyTargetUs":
      return t("reasons.theyTargetUs", { country: country(reason.country) });
    case "weTargetThem":
      return t("reasons.weTargetThem", { country: country(reason.country) });
    case "similarSize":
      return t("reasons.similarSize", { band: reason.band });
    case "label":
      return t("reasons.label", { label: reason.label });
    case "responsive":
      return t("reasons.responsive", { answered: reason.answered, received: reason.received });
  }
}
