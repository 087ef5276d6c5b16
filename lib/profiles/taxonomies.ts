import "server-only";
import { getDb } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { NotFoundError } from "@/lib/errors/domain-error";
import type { Locale } from "@/lib/i18n/locale";

export const TAXONOMIES = ["ecosystem", "sector", "keyword"] as const;
export type Taxonomy = (typeof TAXONOMIES)[number];

export type TaxonomyOption = { code: string; label: string };

function delegate(taxonomy: Taxonomy) {
  const db = getDb();
  return { ecosystem: db.ecosystem, sector: db.sector, keyword: db.technologyKeyword }[taxonomy] as typeof db.ecosystem;
}

/** Active entries of every taxonomy, labelled in the given language, for forms and filters. */
export async function listTaxonomyOptions(locale: Locale): Promise<Record<Taxonomy, TaxonomyOption[]>> {
  const entries = await Promise.all(
    TAXONOMIES.map((taxonomy) =>
      delegate(taxonomy).findMany({ where: { isActive: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
    ),
  );
  const label = (e: { labelEn: string; labelRu: string }) => (locale === "ru" ? e.labelRu : e.labelEn);
  return Object.fromEntries(
    TAXONOMIES.map((taxonomy, i) => [taxonomy, entries[i]!.map((e) => ({ code: e.code, label: label(e) }))]),
  ) as Record<Taxonomy, TaxonomyOption[]>;
}

/** Every entry, active or not, for the administrators' taxonomy editor. */
export async function listTaxonomyEntries(input: { taxonomy: Taxonomy }, ctx: { actor: { isPlatformAdmin: boolean } }) {
  if (!ctx.actor.isPlatformAdmin) throw new NotFoundError();
  return delegate(input.taxonomy).findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
}

/** A platform administrator renames an entry or retires it (codes stay: profiles refer to them). */
export async function updateTaxonomyEntry(
  input: { taxonomy: Taxonomy; code: string; labelEn: string; labelRu: string; isActive: boolean },
  ctx: { actor: { id: string; email: string; isPlatformAdmin: boolean }; ip: string },
): Promise<void> {
  if (!ctx.actor.isPlatformAdmin) throw new NotFoundError();
  const found = await delegate(input.taxonomy).findUnique({ where: { code: input.code } });
  if (!found) throw new NotFoundError();
  await getDb().$transaction(async (tx) => {
    const table = { ecosystem: tx.ecosystem, sector: tx.sector, keyword: tx.technologyKeyword }[input.taxonomy] as typeof tx.ecosystem;
    await table.update({
      where: { code: input.code },
      data: { labelEn: input.labelEn, labelRu: input.labelRu, isActive: input.isActive },
    });
    await recordAuditEvent(tx, {
      organizationId: null,
      actor: ctx.actor,
      action: "taxonomy.updated",
      target: { type: input.taxonomy, id: input.code, label: input.labelEn },
      metadata: { before: { labelEn: found.labelEn, labelRu: found.labelRu, isActive: found.isActive } },
      ip: ctx.ip,
    });
  });
}
