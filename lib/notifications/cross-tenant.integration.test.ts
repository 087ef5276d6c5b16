import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors/domain-error";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { makeApprovedOrg, makeUser, type TestUser } from "@/lib/testing/fixtures";
import * as listModule from "./list-notifications";
import * as preferencesModule from "./preferences";

/**
 * Notifications belong to one user. Alice (of organisation A) has a notice
 * and preferences; Mallory, a member of a third organisation, calls every
 * exported function with Alice's ids. Reads show Mallory nothing of Alice's,
 * writes on Alice's rows answer "not found", and Alice's rows stay as they were.
 */
let alice: TestUser;
let mallory: TestUser;
let aliceNoticeId: string;

async function aliceRows() {
  const db = testDb();
  return {
    notifications: await db.notification.findMany({ where: { userId: alice.id }, orderBy: { id: "asc" } }),
    preferences: await db.notificationPreference.findMany({ where: { userId: alice.id }, orderBy: { kind: "asc" } }),
  };
}

type Case = { name: string; run: () => Promise<void> };

const cases: Case[] = [
  {
    name: "listNotifications",
    run: async () => {
      const list = await listModule.listNotifications({ page: 1, perPage: 100 }, mallory.ctx);
      expect(list.data.map((item) => item.id)).not.toContain(aliceNoticeId);
      expect(list.total).toBe(1); // Mallory's own only
      const unread = await listModule.listNotifications({ page: 1, perPage: 100, unreadOnly: true }, mallory.ctx);
      expect(unread.data.map((item) => item.id)).not.toContain(aliceNoticeId);
    },
  },
  {
    name: "countUnreadNotifications",
    run: async () => {
      expect(await listModule.countUnreadNotifications(mallory.ctx)).toBe(1);
    },
  },
  {
    name: "markNotificationRead",
    run: async () => {
      await expect(listModule.markNotificationRead({ notificationId: aliceNoticeId }, mallory.ctx)).rejects.toBeInstanceOf(NotFoundError);
    },
  },
  {
    name: "markAllNotificationsRead",
    run: async () => {
      expect(await listModule.markAllNotificationsRead(mallory.ctx)).toBe(1); // Mallory's own
    },
  },
  {
    name: "getNotificationPreferences",
    run: async () => {
      // Alice chose OFF; Mallory sees the default, i.e. her own settings.
      expect((await preferencesModule.getNotificationPreferences(mallory.ctx))["request.received"]).toBe("IMMEDIATE");
    },
  },
  {
    name: "updateNotificationPreferences",
    run: async () => {
      await preferencesModule.updateNotificationPreferences({ preferences: { "request.received": "DIGEST" } }, mallory.ctx);
      expect((await preferencesModule.getNotificationPreferences(mallory.ctx))["request.received"]).toBe("DIGEST");
    },
  },
];

describe("notifications across users and tenants", () => {
  beforeAll(async () => {
    await resetDatabase();
    alice = await makeUser({ name: "Alice" });
    mallory = await makeUser({ name: "Mallory" });
    const orgA = await makeApprovedOrg(alice, { name: "Alpha Cluster" });
    const orgC = await makeApprovedOrg(mallory, { name: "Third Cluster" });
    const db = testDb();
    const notice = await db.notification.create({
      data: { userId: alice.id, organizationId: orgA.id, kind: "request.received", data: { path: "/o/alpha/requests/1", orgName: "Beta", subject: "Secret plan" } },
    });
    aliceNoticeId = notice.id;
    await db.notification.create({
      data: { userId: mallory.id, organizationId: orgC.id, kind: "request.received", data: { path: "/o/third/requests/2", orgName: "Gamma" } },
    });
    await db.notificationPreference.create({ data: { userId: alice.id, kind: "request.received", delivery: "OFF" } });
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s never reaches another user's rows", async (_name, testCase) => {
    const before = await aliceRows();
    await testCase.run();
    expect(await aliceRows()).toEqual(before);
    expect(before.notifications[0]?.readAt).toBeNull();
  });

  it("has a case for every exported function", () => {
    const exported = [...Object.keys(listModule), ...Object.keys(preferencesModule)]
      .filter((name) => typeof (listModule as Record<string, unknown>)[name] === "function" || typeof (preferencesModule as Record<string, unknown>)[name] === "function")
      .sort();
    expect(cases.map((c) => c.name).sort()).toEqual(exported);
  });
});
