/**
 * Demo data for a new local installation: `npm start` runs it into an empty
 * database; `npx prisma db seed` runs it by hand (idempotent: it upserts).
 *
 * Real-looking cluster organisations from several countries, a demo cluster
 * manager who owns one of them, and a platform administrator.
 */
import { hashPassword } from "../lib/auth/password";
import type { PrismaClient } from "../lib/db/generated/client";

export const DEMO_LOGIN = { email: "demo@covalent.test", password: "covalent-demo-2026" } as const;
export const ADMIN_LOGIN = { email: "admin@covalent.test", password: "covalent-admin-2026" } as const;

const DEMO_ORGANIZATIONS = [
  { slug: "medicon-valley-alliance", name: "Medicon Valley Alliance", country: "DK" },
  { slug: "pole-vehicule-du-futur", name: "Pôle Véhicule du Futur", country: "FR" },
  { slug: "kazan-it-cluster", name: "Казанский IT-кластер", country: "RU" },
  { slug: "sebrae-electronics-manaus", name: "Manaus Electronics Cluster", country: "BR" },
  { slug: "punjab-agro-food-cluster", name: "Punjab Agro-Food Cluster", country: "IN" },
  { slug: "silicon-saxony", name: "Silicon Saxony", country: "DE" },
] as const;

/** Seeds the demo data. Returns false when it did nothing (onlyIfEmpty and data present). */
export async function seedDemoData(db: PrismaClient, options: { onlyIfEmpty?: boolean } = {}): Promise<boolean> {
  if (options.onlyIfEmpty && (await db.user.count()) > 0) return false;
  const now = new Date();

  const demo = await db.user.upsert({
    where: { email: DEMO_LOGIN.email },
    update: {},
    create: {
      email: DEMO_LOGIN.email,
      name: "Anna Lindqvist",
      passwordHash: await hashPassword(DEMO_LOGIN.password),
      emailVerifiedAt: now,
      locale: "en",
    },
  });
  await db.user.upsert({
    where: { email: ADMIN_LOGIN.email },
    update: { isPlatformAdmin: true },
    create: {
      email: ADMIN_LOGIN.email,
      name: "Platform Administrator",
      passwordHash: await hashPassword(ADMIN_LOGIN.password),
      emailVerifiedAt: now,
      locale: "en",
      isPlatformAdmin: true,
    },
  });

  for (const org of DEMO_ORGANIZATIONS) {
    await db.organization.upsert({ where: { slug: org.slug }, update: {}, create: org });
  }
  const mva = await db.organization.findUniqueOrThrow({ where: { slug: "medicon-valley-alliance" } });
  await db.membership.upsert({
    where: { organizationId_userId: { organizationId: mva.id, userId: demo.id } },
    update: {},
    create: { organizationId: mva.id, userId: demo.id, role: "OWNER" },
  });
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
