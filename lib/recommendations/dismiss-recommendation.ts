import "server-only";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors/domain-error";
import { requireMembership } from "@/lib/orgs/membership";

type Ctx = { actor: { id: string; email: string } };

/** A published organisation other than ours, by its public slug; anything else is "not found". */
async function findSuggested(targetSlug: string, organizationId: string) {
  if (typeof targetSlug !== "string" || !/^[a-z0-9-]{1,100}$/.test(targetSlug)) throw new NotFoundError();
  const target = await getDb().organization.findFirst({
    where: { slug: targetSlug, profile: { status: "APPROVED" }, id: { not: organizationId } },
    select: { id: true, slug: true, name: true },
  });
  if (!target) throw new NotFoundError();
  return target;
}

/**
 * The acting organisation no longer wants `targetSlug` suggested. Any
 * editor or above ("requests:send"); dismissing twice is harmless.
 */
export async function dismissRecommendation(input: { orgSlug: string; targetSlug: string }, ctx: Ctx): Promise<{ slug: string; name: string }> {
  const { organization } = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "requests:send" });
  const target = await findSuggested(input.targetSlug, organization.id);
  await getDb().recommendationDismissal.upsert({
    where: { organizationId_dismissedId: { organizationId: organization.id, dismissedId: target.id } },
    create: { organizationId: organization.id, dismissedId: target.id, dismissedById: ctx.actor.id },
    update: {},
  });
  return { slug: target.slug, name: target.name };
}

/**
 * Undo: suggest `targetSlug` again. Only a dismissal of the acting
 * organisation can be removed: another one's, or none, is "not found".
 */
export async function undoDismissRecommendation(input: { orgSlug: string; targetSlug: string }, ctx: Ctx): Promise<{ slug: string; name: string }> {
  const { organization } = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "requests:send" });
  if (typeof input.targetSlug !== "string" || !/^[a-z0-9-]{1,100}$/.test(input.targetSlug)) throw new NotFoundError();
  const target = await getDb().organization.findUnique({ where: { slug: input.targetSlug }, select: { id: true, slug: true, name: true } });
  if (!target) throw new NotFoundError();
  const { count } = await getDb().recommendationDismissal.deleteMany({
    where: { organizationId: organization.id, dismissedId: target.id },
  });
  if (count === 0) throw new NotFoundError();
  return { slug: target.slug, name: target.name };
}

export type DismissedRecommendation = { slug: string; name: string; country: string; dismissedAt: Date };

/** The suggestions the acting organisation dismissed, newest first, to restore one. */
export async function listDismissedRecommendations(
  input: { orgSlug: string; page?: number; perPage?: number },
  ctx: Ctx,
): Promise<{ data: DismissedRecommendation[]; total: number; page: number; perPage: number; totalPages: number }> {
  const { organization } = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "requests:read" });
  const whole = (value: number | undefined, fallback: number) => (Number.isFinite(value) ? Math.floor(value!) : fallback);
  const perPage = Math.min(100, Math.max(1, whole(input.perPage, 20)));
  const page = Math.min(10_000, Math.max(1, whole(input.page, 1)));
  const where = { organizationId: organization.id };
  const [rows, total] = await getDb().$transaction([
    getDb().recommendationDismissal.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { dismissedId: "asc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: { createdAt: true, dismissed: { select: { slug: true, name: true, country: true } } },
    }),
    getDb().recommendationDismissal.count({ where }),
  ]);
  return {
    data: rows.map((r) => ({ ...r.dismissed, dismissedAt: r.createdAt })),
    total,
    page,
    perPage,
    totalPages: Math.ceil(total / perPage),
  };
}
