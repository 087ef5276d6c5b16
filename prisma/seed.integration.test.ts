import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { verifyPassword } from "@/lib/auth/password";
import { ADMIN_LOGIN, DEMO_MANAGERS, DEMO_PASSWORD, seedDemoData } from "./seed";

describe("demo seed", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedDemoData(testDb());
  });

  it("creates 60+ organisations in 25+ countries, most published, some waiting for review", async () => {
    const db = testDb();
    const orgs = await db.organization.findMany({ select: { country: true, profile: { select: { status: true } } } });
    expect(orgs.length).toBeGreaterThanOrEqual(60);
    expect(new Set(orgs.map((o) => o.country)).size).toBeGreaterThanOrEqual(25);
    const byStatus = (status: string) => orgs.filter((o) => o.profile?.status === status).length;
    expect(byStatus("APPROVED")).toBeGreaterThanOrEqual(50);
    expect(byStatus("PENDING")).toBeGreaterThanOrEqual(5);
    expect(await db.ecosystem.count()).toBe(14);
    expect(await db.sector.count()).toBe(21);
  });

  it("creates signed-up demo managers who own a published cluster each, and a platform administrator", async () => {
    const db = testDb();
    for (const manager of DEMO_MANAGERS) {
      const user = await db.user.findUniqueOrThrow({
        where: { email: manager.email },
        include: { memberships: { include: { organization: { include: { profile: true } } } } },
      });
      expect(user.emailVerifiedAt).not.toBeNull();
      expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD)).toBe(true);
      expect(user.memberships).toHaveLength(1);
      expect(user.memberships[0]!.role).toBe("OWNER");
      expect(user.memberships[0]!.organization.country).toBe(manager.country);
      expect(user.memberships[0]!.organization.profile?.status).toBe("APPROVED");
    }
    const admin = await db.user.findUniqueOrThrow({ where: { email: ADMIN_LOGIN.email } });
    expect(admin.isPlatformAdmin).toBe(true);
  });

  it("is idempotent and keeps what users changed", async () => {
    const db = testDb();
    const before = await db.organization.count();
    await db.ecosystem.update({ where: { code: "health" }, data: { labelEn: "Health and life sciences" } });
    await seedDemoData(db);
    expect(await db.organization.count()).toBe(before);
    expect(await db.user.count()).toBe(DEMO_MANAGERS.length + 1);
    expect((await db.ecosystem.findUniqueOrThrow({ where: { code: "health" } })).labelEn).toBe("Health and life sciences");
    expect(await seedDemoData(db, { onlyIfEmpty: true })).toBe(false);
  });
});
