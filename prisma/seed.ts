/**
 * Demo data for a new local installation: `npm start` runs it into an empty
 * database; `npx prisma db seed` runs it by hand (idempotent: it upserts and
 * never overwrites what users changed).
 *
 * - the taxonomies (ecosystems, NACE sections, technology keywords);
 * - 60+ invented cluster organisations in 25+ countries (prisma/demo/clusters.ts),
 *   most published, some waiting in the review queue, a few drafts;
 * - demo cluster managers who own three of them, and a platform administrator.
 */
import { hashPassword } from "../lib/auth/password";
import type { PrismaClient } from "../lib/db/generated/client";
import { ECOSYSTEMS, SECTORS, TECHNOLOGY_KEYWORDS, type TaxonomyEntry } from "../lib/profiles/taxonomy-seed";
import { DEMO_CLUSTERS } from "./demo/clusters";

export const DEMO_PASSWORD = "covalent-demo-2026";
export const DEMO_LOGIN = { email: "demo@covalent.test", password: DEMO_PASSWORD } as const;
export const ADMIN_LOGIN = { email: "admin@covalent.test", password: "covalent-admin-2026" } as const;

/** Demo managers: each owns the first published demo cluster of their country. */
export const DEMO_MANAGERS = [
  { email: DEMO_LOGIN.email, name: "Anna Lindqvist", country: "DK", locale: "en" },
  { email: "demo.fr@covalent.test", name: "Camille Moreau", country: "FR", locale: "en" },
  { email: "demo.ru@covalent.test", name: "Ирина Соколова", country: "RU", locale: "ru" },
] as const;

async function seedTaxonomy(
  upsert: (entry: TaxonomyEntry, sortOrder: number) => Promise<unknown>,
  entries: readonly TaxonomyEntry[],
) {
  for (const [i, entry] of entries.entries()) await upsert(entry, i);
}

export async function seedTaxonomies(db: PrismaClient): Promise<void> {
  const row = (e: TaxonomyEntry, sortOrder: number) => ({ code: e.code, labelEn: e.en, labelRu: e.ru, sortOrder });
  await seedTaxonomy((e, i) => db.ecosystem.upsert({ where: { code: e.code }, update: {}, create: row(e, i) }), ECOSYSTEMS);
  await seedTaxonomy((e, i) => db.sector.upsert({ where: { code: e.code }, update: {}, create: row(e, i) }), SECTORS);
  await seedTaxonomy((e, i) => db.technologyKeyword.upsert({ where: { code: e.code }, update: {}, create: row(e, i) }), TECHNOLOGY_KEYWORDS);
}

async function seedClusters(db: PrismaClient): Promise<void> {
  const now = Date.now();
  for (const [i, c] of DEMO_CLUSTERS.entries()) {
    const existing = await db.organization.findUnique({ where: { slug: c.slug }, select: { id: true } });
    if (existing) continue;
    // Spread publication dates over the last two years, so "newest" means something.
    const publishedAt = new Date(now - (i * 11 + 3) * 24 * 60 * 60 * 1000);
    await db.organization.create({
      data: {
        slug: c.slug,
        name: c.name,
        country: c.country,
        createdAt: publishedAt,
        profile: {
          create: {
            status: c.status,
            acronym: c.acronym ?? null,
            region: c.region,
            city: c.city,
            latitude: c.latitude,
            longitude: c.longitude,
            yearFounded: c.yearFounded,
            website: c.website,
            contactName: c.contact.name,
            contactRole: c.contact.role,
            contactEmail: c.contact.email,
            descriptionEn: c.descriptionEn,
            descriptionRu: c.descriptionRu,
            offers: c.offers,
            seeks: c.seeks,
            ecosystems: c.ecosystems,
            sectors: c.sectors,
            keywords: c.keywords,
            tags: c.tags,
            membersSme: c.members.sme,
            membersLarge: c.members.large,
            membersResearch: c.members.research,
            membersUniversity: c.members.university,
            membersPublic: c.members.public,
            membersOther: c.members.other,
            managementFte: c.managementFte,
            label: c.label,
            targetCountries: c.targetCountries,
            internationalisationLevel: c.internationalisationLevel,
            supportProgrammes: c.supportProgrammes,
            submittedAt: c.status === "DRAFT" ? null : publishedAt,
            publishedAt: c.status === "APPROVED" ? publishedAt : null,
            reviewedAt: c.status === "APPROVED" ? publishedAt : null,
          },
        },
      },
    });
  }
}

/** Seeds the demo data. Returns false when it did nothing (onlyIfEmpty and data present). */
export async function seedDemoData(db: PrismaClient, options: { onlyIfEmpty?: boolean } = {}): Promise<boolean> {
  if (options.onlyIfEmpty && (await db.user.count()) > 0) return false;
  const verifiedAt = new Date();

  await seedTaxonomies(db);
  await seedClusters(db);

  await db.user.upsert({
    where: { email: ADMIN_LOGIN.email },
    update: { isPlatformAdmin: true },
    create: {
      email: ADMIN_LOGIN.email,
      name: "Platform Administrator",
      passwordHash: await hashPassword(ADMIN_LOGIN.password),
      emailVerifiedAt: verifiedAt,
      isPlatformAdmin: true,
    },
  });

  const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
  for (const manager of DEMO_MANAGERS) {
    const user = await db.user.upsert({
      where: { email: manager.email },
      update: {},
      create: { email: manager.email, name: manager.name, locale: manager.locale, passwordHash: demoPasswordHash, emailVerifiedAt: verifiedAt },
    });
    const cluster = DEMO_CLUSTERS.find((c) => c.country === manager.country && c.status === "APPROVED");
    if (!cluster) continue;
    const org = await db.organization.findUniqueOrThrow({ where: { slug: cluster.slug } });
    await db.membership.upsert({
      where: { organizationId_userId: { organizationId: org.id, userId: user.id } },
      update: {},
      create: { organizationId: org.id, userId: user.id, role: "OWNER" },
    });
  }
  return true;
}

// `npx prisma db seed` (prisma.config.ts) runs this file directly.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { getDatabaseUrl } = await import("../lib/env");
  const { createDbClient } = await import("../lib/db/create-client");
  const db = createDbClient(getDatabaseUrl(), { max: 2 });
  try {
    await seedDemoData(db);
    console.log("Demo data seeded.");
  } finally {
    await db.$disconnect();
  }
}
