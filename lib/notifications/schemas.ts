/**
 * Input of the notification actions, shared by the forms and the actions.
 * Messages are keys in messages/<locale>/notifications.json ("notifications").
 */
import { z } from "zod";
import { NOTIFICATION_DELIVERIES, NOTIFICATION_KIND_LIST, type NotificationKind } from "./kinds";

const invalidPreferences = "notifications.errors.invalidPreferences";

export const ZNotificationKindSchema = z.enum(NOTIFICATION_KIND_LIST as [NotificationKind, ...NotificationKind[]], { message: invalidPreferences });
export const ZNotificationDeliverySchema = z.enum(NOTIFICATION_DELIVERIES, { message: invalidPreferences });

/** Some or all kinds, each with a delivery; an unknown kind or delivery is refused. */
export const ZUpdateNotificationPreferencesSchema = z.object({
  preferences: z.partialRecord(ZNotificationKindSchema, ZNotificationDeliverySchema, { message: invalidPreferences }),
});
export type TUpdateNotificationPreferencesSchema = z.infer<typeof ZUpdateNotificationPreferencesSchema>;

export const ZMarkNotificationReadSchema = z.object({
  notificationId: z.string().trim().min(1).max(64),
});
export type TMarkNotificationReadSchema = z.infer<typeof ZMarkNotificationReadSchema>;

export const ZNoInputSchema = z.object({}).optional();
