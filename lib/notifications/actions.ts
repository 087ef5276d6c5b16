"use server";

import { revalidatePath } from "next/cache";

import { userAction, type ActionResult } from "@/lib/actions/action";
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationItem,
} from "./list-notifications";
import { updateNotificationPreferences, type NotificationPreferences } from "./preferences";
import { ZMarkNotificationReadSchema, ZNoInputSchema, ZUpdateNotificationPreferencesSchema } from "./schemas";

// Server actions for the bell, the notifications page and the settings. Each
// acts for the signed-in user only: the domain functions put the user's id
// in every WHERE. Read and mark actions answer with the new unread count, so
// the bell can show it at once.

function actor(user: { id: string; email: string }) {
  return { actor: { id: user.id, email: user.email } };
}

/** How many items the bell's panel shows. */
const BELL_ITEMS = 6;

const latestHandler = userAction(ZNoInputSchema, async (_input, ctx) => {
  const list = await listNotifications({ page: 1, perPage: BELL_ITEMS }, actor(ctx.user));
  return { items: list.data, unread: list.unread };
});
export async function listLatestNotificationsAction(
  input?: unknown,
): Promise<ActionResult<{ items: NotificationItem[]; unread: number }>> {
  return latestHandler(input);
}

const markReadHandler = userAction(ZMarkNotificationReadSchema, async (input, ctx) => {
  await markNotificationRead(input, actor(ctx.user));
  return { unread: await countUnreadNotifications(actor(ctx.user)) };
});
export async function markNotificationReadAction(input: unknown): Promise<ActionResult<{ unread: number }>> {
  return markReadHandler(input);
}

const markAllReadHandler = userAction(ZNoInputSchema, async (_input, ctx) => {
  await markAllNotificationsRead(actor(ctx.user));
  return { unread: await countUnreadNotifications(actor(ctx.user)) };
});
export async function markAllNotificationsReadAction(input?: unknown): Promise<ActionResult<{ unread: number }>> {
  return markAllReadHandler(input);
}

const updatePreferencesHandler = userAction(ZUpdateNotificationPreferencesSchema, async (input, ctx) => {
  const saved = await updateNotificationPreferences(input, actor(ctx.user));
  revalidatePath("/account");
  return saved;
});
export async function updateNotificationPreferencesAction(input: unknown): Promise<ActionResult<NotificationPreferences>> {
  return updatePreferencesHandler(input);
}
