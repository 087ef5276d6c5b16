/**
 * The recommendation score: how good a partner one organisation ("them") is
 * for another ("us"), with the reasons, as data the page puts into words in
 * the reader's language. Pure: no database, no clock; the weights are in
 * RECOMMENDATION_WEIGHTS, and docs/RECOMMENDATIONS.md explains them.
 *
 * Every part is a number from 0 to 1; the total is their weighted sum, also
 * 0 to 1 (the page shows it as 0–100).
 */
import { cosine, shorten, splitClauses, termVector, type TermStats, type TermVector } from "./text";

/** How much each part counts; they add up to 1. */
export const RECOMMENDATION_WEIGHTS = {
  /** Shared industrial ecosystems and NACE sectors: the same field. */
  shared: 0.25,
  /** Their offer meets our need and ours meets theirs (text and technology keywords). */
  complementarity: 0.35,
  /** They target our country; we target theirs. */
  market: 0.15,
  /** Similar size band and cluster management label. */
  compatibility: 0.1,
  /** How often they answer the requests they receive. */
  responsiveness: 0.15,
} as const;

/** Inside the parts: how their sub-parts are mixed (each pair adds up to 1). */
export const PART_MIX = {
  /** shared = ecosystems · e + sectors · s */
  shared: { ecosystems: 0.7, sectors: 0.3 },
  /** complementarity = text · t + keywords · k */
  complementarity: { text: 0.8, keywords: 0.2 },
  /** text = the better direction · b + the weaker direction · w: both ways beats one way. */
  directions: { better: 0.65, weaker: 0.35 },
  /** market = they target us · t + we target them · w */
  market: { theyTargetUs: 0.6, weTargetThem: 0.4 },
  /** compatibility = size · s + label · l */
  compatibility: { size: 0.5, label: 0.5 },
} as const;

/**
 * A cosine similarity at or above this counts as a full text match: two short
 * offer and need texts that share their two or three key terms rarely go
 * higher (docs/RECOMMENDATIONS.md).
 */
export const TEXT_SATURATION = 0.45;
/** A clause pair this similar is quoted as a reason. */
export const REASON_TEXT_MIN = 0.2;
/** Responsiveness prior: as if every organisation had answered 2 of 4 requests. */
export const RESPONSIVENESS_PRIOR = { answered: 2, received: 4 } as const;
/** Below this many received requests no "they answer" reason is given. */
export const RESPONSIVENESS_REASON_MIN_RECEIVED = 3;
export const RESPONSIVENESS_REASON_MIN_RATE = 0.7;

export const CLUSTER_LABELS = ["NONE", "BRONZE", "SILVER", "GOLD"] as const;
export type ClusterLabel = (typeof CLUSTER_LABELS)[number];

/** The same bands as the directory's size filter (lib/directory/schemas.ts SIZE_BANDS). */
export const SIZE_BAND_LIMITS = [
  { id: "1-49", max: 49 },
  { id: "50-249", max: 249 },
  { id: "250-499", max: 499 },
  { id: "500+", max: Number.POSITIVE_INFINITY },
] as const;
export type SizeBand = (typeof SIZE_BAND_LIMITS)[number]["id"];

/** What the score reads of a profile. */
export type ScoredProfile = {
  country: string;
  ecosystems: readonly string[];
  sectors: readonly string[];
  keywords: readonly string[];
  offers: string;
  seeks: string;
  targetCountries: readonly string[];
  label: ClusterLabel;
  membersTotal: number;
};

/** Requests the candidate received (and answered), from CooperationRequest. */
export type ResponseHistory = { answered: number; received: number };

/** One reason, as data: the page words it in the reader's language. */
export type RecommendationReason =
  | { kind: "sharedEcosystems"; codes: string[] }
  | { kind: "sharedSectors"; codes: string[] }
  | { kind: "sharedKeywords"; codes: string[] }
  /** Their need (quoted from their profile) meets our offer (quoted from ours). */
  | { kind: "theySeekWeOffer"; theirs: string; ours: string }
  /** Their offer meets our need. */
  | { kind: "theyOfferWeSeek"; theirs: string; ours: string }
  | { kind: "theyTargetUs"; country: string }
  | { kind: "weTargetThem"; country: string }
  | { kind: "similarSize"; band: SizeBand }
  | { kind: "label"; label: "SILVER" | "GOLD" }
  | { kind: "responsive"; answered: number; received: number };

export type RecommendationReasonKind = RecommendationReason["kind"];

export type PartResult = { value: number; reasons: RecommendationReason[] };

export type ScoreResult = {
  /** 0–1: the weighted sum of the parts. */
  total: number;
  parts: Record<keyof typeof RECOMMENDATION_WEIGHTS, number>;
  /** Most telling first. */
  reasons: RecommendationReason[];
};

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** Shared items of two lists, in the order of the first, without repeats. */
export function intersect(a: readonly string[], b: readonly string[]): string[] {
  const set = new Set(b);
  return [...new Set(a)].filter((x) => set.has(x));
}

/**
 * Dice coefficient (2·|A∩B| / (|A|+|B|)): 1 for the same sets, 0 for
 * disjoint or empty ones. Kinder than Jaccard to a cluster with one
 * ecosystem that shares it with a cluster of three.
 */
export function dice(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  return (2 * intersect([...sa], [...sb]).length) / (sa.size + sb.size);
}

/** Part 1: the same industrial ecosystems and sectors. */
export function scoreShared(us: ScoredProfile, them: ScoredProfile): PartResult {
  const ecosystems = intersect(them.ecosystems, us.ecosystems);
  const sectors = intersect(them.sectors, us.sectors);
  const value =
    PART_MIX.shared.ecosystems * dice(us.ecosystems, them.ecosystems) + PART_MIX.shared.sectors * dice(us.sectors, them.sectors);
  const reasons: RecommendationReason[] = [];
  if (ecosystems.length > 0) reasons.push({ kind: "sharedEcosystems", codes: ecosystems });
  // Sectors (NACE sections) are broad ("Manufacturing"): only said when no ecosystem is shared.
  else if (sectors.length > 0) reasons.push({ kind: "sharedSectors", codes: sectors });
  return { value: clamp01(value), reasons };
}

/**
 * The offer and need texts of a profile as vectors, whole and (computed on
 * first use: only the shown recommendations quote them) clause by clause.
 */
export type ProfileTexts = {
  offers: TermVector;
  seeks: TermVector;
  offerClauses: () => Clause[];
  seekClauses: () => Clause[];
};
type Clause = { text: string; vector: TermVector };

function lazy<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}

export function profileTexts(profile: Pick<ScoredProfile, "offers" | "seeks">, stats: TermStats): ProfileTexts {
  const clauses = (text: string) => lazy(() => splitClauses(text).map((c) => ({ text: c, vector: termVector(c, stats) })));
  return {
    offers: termVector(profile.offers, stats),
    seeks: termVector(profile.seeks, stats),
    offerClauses: clauses(profile.offers),
    seekClauses: clauses(profile.seeks),
  };
}

/** The most similar pair of clauses (need, offer), for quoting. */
function bestClausePair(needs: Clause[], offers: Clause[]): { need: string; offer: string; similarity: number } | null {
  let best: { need: string; offer: string; similarity: number } | null = null;
  for (const n of needs) {
    for (const o of offers) {
      const similarity = cosine(n.vector, o.vector);
      if (!best || similarity > best.similarity) best = { need: n.text, offer: o.text, similarity };
    }
  }
  return best;
}

/**
 * Part 2: complementarity. Their offers against our needs and our offers
 * against their needs (TF-IDF cosine), plus shared technology keywords.
 */
export function scoreComplementarity(
  us: ScoredProfile,
  them: ScoredProfile,
  texts: { us: ProfileTexts; them: ProfileTexts },
  options: { quote?: boolean } = {},
): PartResult {
  const theyServeUs = cosine(texts.them.offers, texts.us.seeks);
  const weServeThem = cosine(texts.us.offers, texts.them.seeks);
  const better = Math.max(theyServeUs, weServeThem);
  const weaker = Math.min(theyServeUs, weServeThem);
  const text = clamp01((PART_MIX.directions.better * better + PART_MIX.directions.weaker * weaker) / TEXT_SATURATION);
  const keywords = intersect(them.keywords, us.keywords);
  const value = PART_MIX.complementarity.text * text + PART_MIX.complementarity.keywords * dice(us.keywords, them.keywords);

  const reasons: RecommendationReason[] = [];
  const directions = [
    { similarity: theyServeUs, pair: () => bestClausePair(texts.us.seekClauses(), texts.them.offerClauses()), kind: "theyOfferWeSeek" as const },
    { similarity: weServeThem, pair: () => bestClausePair(texts.them.seekClauses(), texts.us.offerClauses()), kind: "theySeekWeOffer" as const },
  ].sort((a, b) => b.similarity - a.similarity);
  for (const direction of directions) {
    // Quoting compares every clause with every clause: only for the recommendations shown.
    if (options.quote === false || direction.similarity <= 0) continue;
    const pair = direction.pair();
    if (!pair || pair.similarity < REASON_TEXT_MIN) continue;
    if (direction.kind === "theyOfferWeSeek") reasons.push({ kind: "theyOfferWeSeek", theirs: shorten(pair.offer), ours: shorten(pair.need) });
    else reasons.push({ kind: "theySeekWeOffer", theirs: shorten(pair.need), ours: shorten(pair.offer) });
  }
  if (keywords.length > 0) reasons.push({ kind: "sharedKeywords", codes: keywords });
  return { value: clamp01(value), reasons };
}

/** Part 3: market fit. They target our country; we target theirs. */
export function scoreMarket(us: ScoredProfile, them: ScoredProfile): PartResult {
  const theyTargetUs = them.targetCountries.includes(us.country);
  const weTargetThem = us.targetCountries.includes(them.country);
  const reasons: RecommendationReason[] = [];
  if (theyTargetUs) reasons.push({ kind: "theyTargetUs", country: us.country });
  if (weTargetThem) reasons.push({ kind: "weTargetThem", country: them.country });
  const value = (theyTargetUs ? PART_MIX.market.theyTargetUs : 0) + (weTargetThem ? PART_MIX.market.weTargetThem : 0);
  return { value: clamp01(value), reasons };
}

export function sizeBand(membersTotal: number): SizeBand {
  return SIZE_BAND_LIMITS.find((b) => membersTotal <= b.max)!.id;
}

/** Part 4: compatibility. Neighbouring size bands and labels fit better than distant ones. */
export function scoreCompatibility(us: ScoredProfile, them: ScoredProfile): PartResult {
  const bandIndex = (p: ScoredProfile) => SIZE_BAND_LIMITS.findIndex((b) => b.id === sizeBand(p.membersTotal));
  const labelIndex = (p: ScoredProfile) => Math.max(0, CLUSTER_LABELS.indexOf(p.label));
  const steps = SIZE_BAND_LIMITS.length - 1;
  const size = 1 - Math.abs(bandIndex(us) - bandIndex(them)) / steps;
  const label = 1 - Math.abs(labelIndex(us) - labelIndex(them)) / (CLUSTER_LABELS.length - 1);
  const reasons: RecommendationReason[] = [];
  if (size === 1) reasons.push({ kind: "similarSize", band: sizeBand(them.membersTotal) });
  // Bronze is common and says little; Silver and Gold are worth telling.
  if (them.label === "SILVER" || them.label === "GOLD") reasons.push({ kind: "label", label: them.label });
  return { value: clamp01(PART_MIX.compatibility.size * size + PART_MIX.compatibility.label * label), reasons };
}

/**
 * Part 5: responsiveness, the share of received requests they answered,
 * pulled towards one half while they have received few (a Beta prior), so
 * that a newcomer is neither rewarded nor punished.
 */
export function scoreResponsiveness(history: ResponseHistory): PartResult {
  const whole = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);
  const received = whole(history.received);
  const answered = Math.min(received, whole(history.answered));
  const value = (answered + RESPONSIVENESS_PRIOR.answered) / (received + RESPONSIVENESS_PRIOR.received);
  const reasons: RecommendationReason[] = [];
  if (received >= RESPONSIVENESS_REASON_MIN_RECEIVED && answered / received >= RESPONSIVENESS_REASON_MIN_RATE) {
    reasons.push({ kind: "responsive", answered, received });
  }
  return { value: clamp01(value), reasons };
}

/** The order reasons are told in: the most telling first. */
export const REASON_ORDER: readonly RecommendationReasonKind[] = [
  "sharedEcosystems",
  "theySeekWeOffer",
  "theyOfferWeSeek",
  "theyTargetUs",
  "weTargetThem",
  "sharedSectors",
  "sharedKeywords",
  "responsive",
  "label",
  "similarSize",
];

const REASON_RANK = new Map(REASON_ORDER.map((kind, i) => [kind, i]));

/** The whole score of `them` for `us`. */
export function scoreCandidate(input: {
  us: ScoredProfile;
  them: ScoredProfile;
  texts: { us: ProfileTexts; them: ProfileTexts };
  history: ResponseHistory;
  /** false: the total only, no reasons (ranking many candidates: quoting compares every clause pair). */
  quote?: boolean;
}): ScoreResult {
  const shared = scoreShared(input.us, input.them);
  const complementarity = scoreComplementarity(input.us, input.them, input.texts, { quote: input.quote });
  const market = scoreMarket(input.us, input.them);
  const compatibility = scoreCompatibility(input.us, input.them);
  const responsiveness = scoreResponsiveness(input.history);
  const parts = {
    shared: shared.value,
    complementarity: complementarity.value,
    market: market.value,
    compatibility: compatibility.value,
    responsiveness: responsiveness.value,
  };
  const total = (Object.keys(RECOMMENDATION_WEIGHTS) as (keyof typeof RECOMMENDATION_WEIGHTS)[]).reduce(
    (sum, part) => sum + RECOMMENDATION_WEIGHTS[part] * parts[part],
    0,
  );
  const reasons =
    input.quote === false
      ? []
      : [shared, complementarity, market, compatibility, responsiveness]
          .flatMap((p) => p.reasons)
          .sort((a, b) => REASON_RANK.get(a.kind)! - REASON_RANK.get(b.kind)!);
  return { total: clamp01(total), parts, reasons };
}
