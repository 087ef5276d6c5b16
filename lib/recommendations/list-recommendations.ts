import "server-only";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { requireMembership } from "@/lib/orgs/membership";
import { loadEngineProfile, recommendFor } from "./recommend";
import { DEFAULT_RECOMMENDATION_LIMIT, MAX_RECOMMENDATION_LIMIT } from "./schemas";
import type { ClusterLabel, RecommendationReason } from "./score";

type Ctx = { actor: { id: string; email: string }; now?: Date };

export type RecommendationItem = {
  slug: string;
  name: string;
  country: string;
  ecosystems: string[];
  label: ClusterLabel;
  membersTotal: number;
  /** 0–100 */
  score: number;
  reasons: RecommendationReason[];
};

export type RecommendationList = {
  organization: { slug: string; name: string; country: string };
  /** False while our own profile is not published: requests go between published organisations only. */
  isPublished: boolean;
  /** The actor may send requests and dismiss suggestions ("requests:send"). */
  canSend: boolean;
  includeOwnCountry: boolean;
  data: RecommendationItem[];
};

/**
 * The acting organisation's recommended partners, best first, each with its
 * reasons: other published organisations, by default abroad, without active
 * partners, dismissed ones, those that declined our request in the last 90
 * days and those with an open request between us (recommend.ts).
 */
export async function listRecommendations(
  input: { orgSlug: string; includeOwnCountry?: boolean; limit?: number },
  ctx: Ctx,
): Promise<RecommendationList> {
  const membership = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "requests:read" });
  const { organization } = membership;
  const includeOwnCountry = input.includeOwnCountry === true;
  const result: RecommendationList = {
    organization: { slug: organization.slug, name: organization.name, country: organization.country },
    isPublished: false,
    canSend: can(membership.role, "requests:send"),
    includeOwnCountry,
    data: [],
  };
  const db = getDb();
  const us = await loadEngineProfile(db, organization.id);
  if (!us || us.status !== "APPROVED") return result;

  const requested = Number.isFinite(input.limit) ? Math.floor(input.limit!) : DEFAULT_RECOMMENDATION_LIMIT;
  const limit = Math.min(MAX_RECOMMENDATION_LIMIT, Math.max(1, requested));
  const recommendations = await recommendFor(db, { us, includeOwnCountry, limit, now: ctx.now ?? new Date() });
  result.isPublished = true;
  result.data = recommendations.map((r) => ({
    slug: r.slug,
    name: r.name,
    country: r.profile.country,
    ecosystems: [...r.profile.ecosystems],
    label: r.profile.label,
    membersTotal: r.profile.membersTotal,
    score: Math.round(r.score * 100),
    reasons: r.reasons,
  }));
  return result;
}
