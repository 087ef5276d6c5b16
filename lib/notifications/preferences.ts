import "server-only";
import { getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import {
  defaultDeliveryOf,
  isNotificationKind,
  NOTIFICATION_KIND_LIST,
  type NotificationDeliveryChoice,
  type NotificationKind,
} from "./kinds";
import { ZUpdateNotificationPreferencesSchema } from "./schemas";

type Ctx = { actor: { id: string; email: string } };

export type NotificationPreferences = Record<NotificationKind, NotificationDeliveryChoice>;

/** The signed-in user's delivery for every kind: their choice, or the kind's default. */
export async function getNotificationPreferences(ctx: Ctx): Promise<NotificationPreferences> {
  const rows = await getDb().notificationPreference.findMany({
    where: { userId: ctx.actor.id },
    select: { kind: true, delivery: true },
  });
  const chosen = new Map(rows.filter((row) => isNotificationKind(row.kind)).map((row) => [row.kind, row.delivery]));
  return Object.fromEntries(
    NOTIFICATION_KIND_LIST.map((kind) => [kind, chosen.get(kind) ?? defaultDeliveryOf(kind)]),
  ) as NotificationPreferences;
}

/**
 * Saves the user's choice for the given kinds (the others keep theirs). The
 * input is checked here too, so a caller other than the action cannot store
 * an unknown kind or delivery. One statement, so a double submit cannot
 * collide on the (userId, kind) key.
 */
export async function updateNotificationPreferences(
  input: { preferences: Partial<Record<string, string>> },
  ctx: Ctx,
): Promise<NotificationPreferences> {
  const parsed = ZUpdateNotificationPreferencesSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("notifications.errors.invalidPreferences");
  const entries = Object.entries(parsed.data.preferences).filter(
    (entry): entry is [NotificationKind, NotificationDeliveryChoice] => entry[1] !== undefined,
  );
  if (entries.length > 0) {
    const kinds = entries.map(([kind]) => kind);
    const deliveries = entries.map(([, delivery]) => delivery);
    await getDb().$executeRaw`
      INSERT INTO "NotificationPreference" ("userId", "kind", "delivery", "updatedAt")
      SELECT ${ctx.actor.id}, chosen.kind, chosen.delivery::"NotificationDelivery", now()
      FROM unnest(${kinds}::text[], ${deliveries}::text[]) AS chosen(kind, delivery)
      ON CONFLICT ("userId", "kind") DO UPDATE SET "delivery" = EXCLUDED."delivery", "updatedAt" = now()`;
  }
  return getNotificationPreferences(ctx);
}
