import { z } from "zod";

/**
 * Schemas of the recommendation actions and the page's URL, shared by the
 * components and the server actions.
 */

const ZSlug = z.string().max(100);

/** Dismiss or restore one suggestion: the acting organisation and the suggested one (its public slug). */
export const ZDismissRecommendationSchema = z.object({ orgSlug: ZSlug, targetSlug: ZSlug });
export type TDismissRecommendationSchema = z.infer<typeof ZDismissRecommendationSchema>;

export const DEFAULT_RECOMMENDATION_LIMIT = 20;
export const MAX_RECOMMENDATION_LIMIT = 50;

/** `?own=1` includes organisations of our own country. Anything else means no. */
export function parseRecommendationsSearchParams(searchParams: Record<string, string | string[] | undefined>) {
  const own = searchParams.own;
  const value = Array.isArray(own) ? own[0] : own;
  return { includeOwnCountry: value === "1" || value === "true" };
}
