import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { locales, type Locale } from "@/lib/i18n/locale";
import { loadMessages } from "@/lib/i18n/messages";
import type { RecommendationReason, RecommendationReasonKind } from "@/lib/recommendations/score";
import { REASON_ORDER } from "@/lib/recommendations/score";
import { formatReason, type ReasonLabels, type ReasonTranslator } from "./format-reason";

/** The page's translator over the real message files; a missing message or argument fails the test. */
function translator(locale: Locale): ReasonTranslator {
  const t = createTranslator({
    locale,
    messages: loadMessages(locale),
    namespace: "Recommendations",
    onError: (error) => {
      throw error;
    },
  });
  return (key, values) => t(key as never, values as never);
}

const labels: Record<Locale, ReasonLabels> = {
  en: {
    ecosystems: { health: "Health", digital: "Digital" },
    sectors: { Q: "Human health and social work activities" },
    keywords: { genomics: "Genomics", "drug-discovery": "Drug discovery", "clinical-research": "Clinical research", biotechnology: "Biotechnology" },
    countries: { DK: "Denmark", IN: "India" },
  },
  ru: {
    ecosystems: { health: "Здравоохранение", digital: "Цифровые технологии" },
    sectors: { Q: "Здравоохранение и социальные услуги" },
    keywords: { genomics: "Геномика", "drug-discovery": "Разработка лекарств", "clinical-research": "Клинические исследования", biotechnology: "Биотехнологии" },
    countries: { DK: "Дания", IN: "Индия" },
  },
};

const EXAMPLES: Record<RecommendationReasonKind, RecommendationReason> = {
  sharedEcosystems: { kind: "sharedEcosystems", codes: ["health"] },
  sharedSectors: { kind: "sharedSectors", codes: ["Q"] },
  sharedKeywords: { kind: "sharedKeywords", codes: ["genomics", "drug-discovery", "clinical-research", "biotechnology"] },
  theySeekWeOffer: { kind: "theySeekWeOffer", theirs: "clinical-trial partners", ours: "clinical research" },
  theyOfferWeSeek: { kind: "theyOfferWeSeek", theirs: "AI teams for drug discovery", ours: "AI partners" },
  theyTargetUs: { kind: "theyTargetUs", country: "DK" },
  weTargetThem: { kind: "weTargetThem", country: "IN" },
  similarSize: { kind: "similarSize", band: "50-249" },
  label: { kind: "label", label: "GOLD" },
  responsive: { kind: "responsive", answered: 4, received: 5 },
};

describe("formatReason", () => {
  it("words the issue's example in English", () => {
    const t = translator("en");
    const text = [EXAMPLES.sharedEcosystems, EXAMPLES.theySeekWeOffer, EXAMPLES.theyTargetUs]
      .map((r) => formatReason(r, t, labels.en, "en"))
      .join(" ");
    expect(text).toBe("Both in Health. They seek “clinical-trial partners”; you offer “clinical research”. They target Denmark.");
  });

  it("words every kind of reason in both languages, without a raw placeholder", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...REASON_ORDER].sort());
    for (const locale of locales) {
      const t = translator(locale);
      for (const reason of Object.values(EXAMPLES)) {
        const text = formatReason(reason, t, labels[locale], locale);
        expect(text, `${locale} ${reason.kind}`).not.toMatch(/\{|\}/);
        expect(text.length, `${locale} ${reason.kind}`).toBeGreaterThan(5);
      }
    }
  });

  it("speaks natural Russian: quoted names, plural forms, the counts", () => {
    const t = translator("ru");
    const say = (r: RecommendationReason) => formatReason(r, t, labels.ru, "ru");
    expect(say(EXAMPLES.sharedEcosystems)).toBe("Обе организации работают в экосистеме «Здравоохранение».");
    expect(say({ kind: "sharedEcosystems", codes: ["health", "digital"] })).toBe(
      "Обе организации работают в экосистемах «Здравоохранение» и «Цифровые технологии».",
    );
    expect(say(EXAMPLES.theyTargetUs)).toBe("Среди их целевых стран — Дания.");
    expect(say(EXAMPLES.responsive)).toBe("Ответили на 4 из 5 полученных запросов.");
    expect(say({ kind: "responsive", answered: 20, received: 21 })).toBe("Ответили на 20 из 21 полученного запроса.");
  });

  it("names at most three technologies, and an unknown code as itself", () => {
    const t = translator("en");
    expect(formatReason(EXAMPLES.sharedKeywords, t, labels.en, "en")).toBe("Shared technologies: Genomics, Drug discovery, and Clinical research.");
    expect(formatReason({ kind: "sharedEcosystems", codes: ["space"] }, t, labels.en, "en")).toBe("Both in space.");
    expect(formatReason({ kind: "theyTargetUs", country: "ZZ" }, t, labels.en, "en")).toBe("They target ZZ.");
  });
});
