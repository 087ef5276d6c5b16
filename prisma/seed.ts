/**
 * Demo data for a new local installation: `npm start` runs it into an empty
 * database; `npx prisma db seed` runs it by hand.
 */
import type { PrismaClient } from "../lib/db/generated/client";

export const DEMO_LOGIN = { email: "demo@covalent.test", password: "covalent-demo-2026" } as const;

/** Seeds the demo data. Returns false when it did nothing (onlyIfEmpty and data present). */
export async function seedDemoData(db: PrismaClient, options: { onlyIfEmpty?: boolean } = {}): Promise<boolean> {
  if (options.onlyIfEmpty && (await db.user.count()) > 0) return false;
  await db.user.upsert({
    where: { email: DEMO_LOGIN.email },
    update: {},
    create: { email: DEMO_LOGIN.email, name: "Demo Manager", locale: "en" },
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
