import { beforeEach, describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { DomainError, NotFoundError } from "@/lib/errors/domain-error";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { join, makeApprovedOrg, makeUser, type TestUser } from "@/lib/testing/fixtures";
import type { NotificationData, NotificationKind } from "./kinds";
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "./list-notifications";
import { notifyOrganization } from "./notify";
import { getNotificationPreferences, updateNotificationPreferences } from "./preferences";
import { DIGEST_INTERVAL_MS, sendWeeklyDigests } from "./send-digests";

const DAY = 24 * 60 * 60 * 1000;

function requestData(subject: string, path = "/o/partner/requests/r1"): NotificationData {
  return { path, orgName: "Medicon Valley Alliance", subject };
}

async function notify(
  organizationId: string,
  kind: NotificationKind,
  data: NotificationData,
  options: { excludeUserId?: string; permission?: "requests:read" | "requests:send" } = {},
) {
  return testDb().$transaction((tx) =>
    notifyOrganization(tx, { organizationId, permission: options.permission ?? "requests:read", kind, data, excludeUserId: options.excludeUserId }),
  );
}

async function prefer(user: { id: string }, kind: NotificationKind, delivery: "IMMEDIATE" | "DIGEST" | "OFF") {
  await testDb().notificationPreference.create({ data: { userId: user.id, kind, delivery } });
}

describe("notifyOrganization", () => {
  beforeEach(() => resetDatabase());

  it("by default writes the notice and queues an e-mail at once, in each recipient's language, with an absolute link", async () => {
    const owner = await makeUser({ locale: "ru" });
    const editor = await makeUser({ locale: "en" });
    const org = await makeApprovedOrg(owner);
    await join(org, editor, "EDITOR");

    const recipients = await notify(org.id, "request.received", requestData("Joint pilot line"));
    expect(recipients.map((r) => r.delivery)).toEqual(["IMMEDIATE", "IMMEDIATE"]);

    const db = testDb();
    for (const user of [owner, editor]) {
      const notice = await db.notification.findFirstOrThrow({ where: { userId: user.id } });
      expect(notice).toMatchObject({ kind: "request.received", organizationId: org.id, inDigest: false, readAt: null, digestedAt: null });
      expect(notice.data).toMatchObject({ path: "/o/partner/requests/r1", subject: "Joint pilot line" });
    }
    const ru = await db.outboxEmail.findFirstOrThrow({ where: { toEmail: owner.email } });
    const en = await db.outboxEmail.findFirstOrThrow({ where: { toEmail: editor.email } });
    expect(ru.kind).toBe("request.received");
    expect(ru.subject).toContain("Joint pilot line");
    expect(ru.subject).toMatch(/запрос/);
    expect(en.subject).toMatch(/cooperation request/);
    const link = `${getEnv().appUrl}/o/partner/requests/r1`;
    expect(link).toMatch(/^https?:\/\//);
    expect(ru.text).toContain(link);
    expect(en.html).toContain(`href="${link}"`);
  });

  it("follows each recipient's preference: DIGEST gathers the notice for the digest, OFF keeps it in the app only", async () => {
    const immediate = await makeUser();
    const digest = await makeUser();
    const off = await makeUser();
    const org = await makeApprovedOrg(immediate);
    await join(org, digest, "ADMIN");
    await join(org, off, "EDITOR");
    await prefer(digest, "request.accepted", "DIGEST");
    await prefer(off, "request.accepted", "OFF");
    // A choice for another kind changes nothing here.
    await prefer(immediate, "request.declined", "OFF");

    await notify(org.id, "request.accepted", requestData("Market entry in Brazil"));

    const db = testDb();
    const rows = await db.notification.findMany({ where: { organizationId: org.id } });
    const byUser = new Map(rows.map((row) => [row.userId, row]));
    expect(rows).toHaveLength(3);
    expect(byUser.get(immediate.id)?.inDigest).toBe(false);
    expect(byUser.get(digest.id)?.inDigest).toBe(true);
    expect(byUser.get(off.id)?.inDigest).toBe(false);
    const mailed = (await db.outboxEmail.findMany()).map((mail) => mail.toEmail);
    expect(mailed).toEqual([immediate.email]);
  });

  it("skips the actor, suspended users and roles without the permission", async () => {
    const owner = await makeUser();
    const actor = await makeUser();
    const suspended = await makeUser();
    const member = await makeUser();
    const org = await makeApprovedOrg(owner);
    await join(org, actor, "ADMIN");
    await join(org, suspended, "EDITOR");
    await join(org, member, "MEMBER");
    await testDb().user.update({ where: { id: suspended.id }, data: { suspendedAt: new Date() } });

    const recipients = await notify(org.id, "request.message", requestData("Thread"), { excludeUserId: actor.id, permission: "requests:send" });
    expect(recipients.map((r) => r.userId)).toEqual([owner.id]);

    const db = testDb();
    expect(await db.notification.count({ where: { userId: { in: [actor.id, suspended.id, member.id] } } })).toBe(0);
    expect((await db.outboxEmail.findMany()).map((mail) => mail.toEmail)).toEqual([owner.email]);
  });

  it("stores a path outside the app as the notifications page, so neither the bell nor the e-mail links elsewhere", async () => {
    const owner = await makeUser();
    const org = await makeApprovedOrg(owner);
    await notify(org.id, "request.received", requestData("Phish", "//evil.example/login"));
    const notice = await testDb().notification.findFirstOrThrow({ where: { userId: owner.id } });
    expect((notice.data as NotificationData).path).toBe("/notifications");
    const mail = await testDb().outboxEmail.findFirstOrThrow();
    expect(mail.text).not.toContain("evil.example");
  });

  it("writes nothing when nobody is to be told, and nothing survives a rolled-back transaction", async () => {
    const owner = await makeUser();
    const org = await makeApprovedOrg(owner);
    expect(await notify(org.id, "request.received", requestData("Mine"), { excludeUserId: owner.id })).toEqual([]);
    await expect(
      testDb().$transaction(async (tx) => {
        await notifyOrganization(tx, { organizationId: org.id, permission: "requests:read", kind: "request.received", data: requestData("Lost") });
        throw new Error("the caller's change failed");
      }),
    ).rejects.toThrow("the caller's change failed");
    expect(await testDb().notification.count()).toBe(0);
    expect(await testDb().outboxEmail.count()).toBe(0);
  });
});

describe("the user's notices", () => {
  beforeEach(() => resetDatabase());

  async function seed(user: TestUser, count: number) {
    const org = await makeApprovedOrg(user);
    for (let i = 1; i <= count; i++) {
      await testDb().notification.create({
        data: { userId: user.id, organizationId: org.id, kind: "request.received", data: requestData(`Request ${i}`), createdAt: new Date(Date.UTC(2026, 0, i)) },
      });
    }
  }

  it("lists newest first, paginated, with an unread filter, and counts the unread", async () => {
    const user = await makeUser();
    await seed(user, 5);
    const first = await listNotifications({ page: 1, perPage: 2 }, user.ctx);
    expect(first).toMatchObject({ total: 5, page: 1, perPage: 2, totalPages: 3 });
    expect(first.data.map((item) => item.data.subject)).toEqual(["Request 5", "Request 4"]);
    expect(first.data[0]).toMatchObject({ kind: "request.received", readAt: null });
    expect((await listNotifications({ page: 3, perPage: 2 }, user.ctx)).data.map((item) => item.data.subject)).toEqual(["Request 1"]);

    await markNotificationRead({ notificationId: first.data[0]!.id }, user.ctx);
    expect(await countUnreadNotifications(user.ctx)).toBe(4);
    const unread = await listNotifications({ page: 1, perPage: 10, unreadOnly: true }, user.ctx);
    expect(unread.total).toBe(4);
    expect(unread.data.map((item) => item.data.subject)).not.toContain("Request 5");
  });

  it("takes absurd paging as sensible bounds", async () => {
    const user = await makeUser();
    await seed(user, 2);
    const result = await listNotifications({ page: -3, perPage: 10_000 }, user.ctx);
    expect(result).toMatchObject({ page: 1, perPage: 100, total: 2 });
    expect((await listNotifications({ page: Number.NaN, perPage: Number.NaN }, user.ctx)).page).toBe(1);
  });

  it("marking read keeps the first reading time; an unknown id is not found", async () => {
    const user = await makeUser();
    await seed(user, 1);
    const [item] = (await listNotifications({ page: 1, perPage: 5 }, user.ctx)).data;
    await markNotificationRead({ notificationId: item!.id }, user.ctx);
    const readAt = (await testDb().notification.findUniqueOrThrow({ where: { id: item!.id } })).readAt;
    expect(readAt).not.toBeNull();
    await markNotificationRead({ notificationId: item!.id }, user.ctx);
    expect((await testDb().notification.findUniqueOrThrow({ where: { id: item!.id } })).readAt).toEqual(readAt);
    await expect(markNotificationRead({ notificationId: "does-not-exist" }, user.ctx)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("marks all read, only the user's own", async () => {
    const user = await makeUser();
    const other = await makeUser();
    await seed(user, 3);
    await seed(other, 2);
    expect(await markAllNotificationsRead(user.ctx)).toBe(3);
    expect(await countUnreadNotifications(user.ctx)).toBe(0);
    expect(await countUnreadNotifications(other.ctx)).toBe(2);
  });
});

describe("notification preferences", () => {
  beforeEach(() => resetDatabase());

  it("start from each kind's default and keep what the user changes", async () => {
    const user = await makeUser();
    const defaults = await getNotificationPreferences(user.ctx);
    expect(defaults["request.received"]).toBe("IMMEDIATE");
    expect(defaults["recommendations.new"]).toBe("DIGEST");

    await updateNotificationPreferences({ preferences: { "request.received": "DIGEST", "partnership.ended": "OFF" } }, user.ctx);
    // Saving again (a double submit) and changing one kind keeps the rest.
    const saved = await updateNotificationPreferences({ preferences: { "request.received": "OFF" } }, user.ctx);
    expect(saved).toMatchObject({ "request.received": "OFF", "partnership.ended": "OFF", "request.message": "IMMEDIATE" });
    expect(await getNotificationPreferences(user.ctx)).toEqual(saved);
    expect(await testDb().notificationPreference.count({ where: { userId: user.id } })).toBe(2);
  });

  it("refuses unknown kinds and deliveries and stores nothing", async () => {
    const user = await makeUser();
    for (const preferences of [{ "request.nope": "OFF" }, { "request.received": "LOUD" }, { "request.received": "OFF", bad: "OFF" }]) {
      await expect(updateNotificationPreferences({ preferences }, user.ctx)).rejects.toBeInstanceOf(DomainError);
    }
    await expect(updateNotificationPreferences({ preferences: "OFF" } as never, user.ctx)).rejects.toBeInstanceOf(DomainError);
    expect(await testDb().notificationPreference.count()).toBe(0);
  });

  it("two saves at the same moment both succeed, one row per kind", async () => {
    const user = await makeUser();
    await Promise.all([
      updateNotificationPreferences({ preferences: { "request.received": "OFF" } }, user.ctx),
      updateNotificationPreferences({ preferences: { "request.received": "DIGEST" } }, user.ctx),
    ]);
    expect(await testDb().notificationPreference.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("sendWeeklyDigests", () => {
  beforeEach(() => resetDatabase());

  const NOW = new Date("2026-12-07T08:00:00Z");

  async function digestUser(options: { locale?: "en" | "ru"; subjects: string[]; digestSentAt?: Date | null }) {
    const user = await makeUser({ locale: options.locale });
    const org = await makeApprovedOrg(user, { name: `Partner of ${user.name}` });
    await prefer(user, "request.received", "DIGEST");
    if (options.digestSentAt) await testDb().user.update({ where: { id: user.id }, data: { digestSentAt: options.digestSentAt } });
    for (const [i, subject] of options.subjects.entries()) {
      await notify(org.id, "request.received", requestData(subject, `/o/${org.slug}/requests/r${i}`));
    }
    return { user, org };
  }

  it("sends each due user one e-mail in their language that lists their items with links, and marks them", async () => {
    const { user: anna, org: annaOrg } = await digestUser({ subjects: ["Battery recycling", "Hydrogen valley"] });
    const { user: oleg } = await digestUser({ locale: "ru", subjects: ["Агропромышленный кластер"] });
    expect(await testDb().outboxEmail.count()).toBe(0); // DIGEST: nothing at once

    expect(await sendWeeklyDigests({ db: testDb(), now: NOW })).toBe(2);

    const db = testDb();
    const annaMail = await db.outboxEmail.findFirstOrThrow({ where: { toEmail: anna.email } });
    expect(annaMail.kind).toBe("notificationDigest");
    expect(annaMail.subject).toMatch(/2 updates/);
    expect(annaMail.text).toContain("Battery recycling");
    expect(annaMail.text).toContain("Hydrogen valley");
    expect(annaMail.text).toContain(`${getEnv().appUrl}/o/${annaOrg.slug}/requests/r1`);
    expect(annaMail.text).not.toContain("Агропромышленный");
    const olegMail = await db.outboxEmail.findFirstOrThrow({ where: { toEmail: oleg.email } });
    expect(olegMail.subject).toMatch(/сводка/);
    expect(olegMail.text).toContain("Агропромышленный кластер");

    expect(await db.notification.count({ where: { inDigest: true, digestedAt: null } })).toBe(0);
    expect(await db.notification.count({ where: { digestedAt: NOW } })).toBe(3);
    for (const user of [anna, oleg]) {
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).digestSentAt).toEqual(NOW);
    }
  });

  it("is idempotent: a second run, or two at once, send nothing more", async () => {
    await digestUser({ subjects: ["One"] });
    await digestUser({ subjects: ["Two"] });
    await digestUser({ subjects: ["Three"] });
    const runs = await Promise.all([sendWeeklyDigests({ db: testDb(), now: NOW }), sendWeeklyDigests({ db: testDb(), now: NOW })]);
    expect(runs[0]! + runs[1]!).toBe(3);
    expect(await sendWeeklyDigests({ db: testDb(), now: NOW })).toBe(0);
    expect(await testDb().outboxEmail.count()).toBe(3);
  });

  it("waits a week after the last digest: a user served 3 days ago gets theirs 4 days later", async () => {
    const threeDaysAgo = new Date(NOW.getTime() - 3 * DAY);
    const { user } = await digestUser({ subjects: ["Later"], digestSentAt: threeDaysAgo });
    const { user: due } = await digestUser({ subjects: ["Now"], digestSentAt: new Date(NOW.getTime() - DIGEST_INTERVAL_MS) });

    expect(await sendWeeklyDigests({ db: testDb(), now: NOW })).toBe(1);
    expect(await testDb().outboxEmail.count({ where: { toEmail: user.email } })).toBe(0);
    expect(await testDb().outboxEmail.count({ where: { toEmail: due.email } })).toBe(1);
    expect(await testDb().notification.count({ where: { userId: user.id, digestedAt: null } })).toBe(1);

    const fourDaysLater = new Date(NOW.getTime() + 4 * DAY);
    expect(await sendWeeklyDigests({ db: testDb(), now: fourDaysLater })).toBe(1);
    const mail = await testDb().outboxEmail.findFirstOrThrow({ where: { toEmail: user.email } });
    expect(mail.text).toContain("Later");
  });

  it("leaves out what the user already read in the app, and users with nothing gathered", async () => {
    const { user } = await digestUser({ subjects: ["Read already", "Still unread"] });
    const nothing = await makeUser();
    const read = await testDb().notification.findFirstOrThrow({ where: { userId: user.id, data: { path: ["subject"], equals: "Read already" } } });
    await markNotificationRead({ notificationId: read.id }, user.ctx);
    const { user: allRead } = await digestUser({ subjects: ["Seen"] });
    await markAllNotificationsRead(allRead.ctx);

    expect(await sendWeeklyDigests({ db: testDb(), now: NOW })).toBe(1);
    const mail = await testDb().outboxEmail.findFirstOrThrow({ where: { toEmail: user.email } });
    expect(mail.text).toContain("Still unread");
    expect(mail.text).not.toContain("Read already");
    expect(await testDb().outboxEmail.count({ where: { toEmail: { in: [allRead.email, nothing.email] } } })).toBe(0);
    // The read ones are done with: the next run has nothing for them.
    expect(await testDb().notification.count({ where: { userId: allRead.id, digestedAt: null } })).toBe(0);
  });

  it("sends nothing to a suspended user", async () => {
    const { user } = await digestUser({ subjects: ["Quiet"] });
    await testDb().user.update({ where: { id: user.id }, data: { suspendedAt: new Date() } });
    expect(await sendWeeklyDigests({ db: testDb(), now: NOW })).toBe(0);
    expect(await testDb().outboxEmail.count()).toBe(0);
  });
});
