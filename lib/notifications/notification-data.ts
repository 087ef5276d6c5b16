/**
 * Reading a notification's stored data back, for the bell, the list, the
 * e-mails and the digest. Pure: safe in server and client code.
 */
import { z } from "zod";
import type { NotificationData } from "./kinds";

/** Where a notification without a usable path leads. */
export const NOTIFICATIONS_PATH = "/notifications";

/** Where a user chooses which notifications reach them by e-mail (the account page's section). */
export const NOTIFICATION_SETTINGS_PATH = "/account#notifications";

/**
 * A path inside the app: "/…", never "//host" or "/\host" (which browsers
 * read as another site), so a stored path cannot turn a notification into a
 * link to a phishing page or a javascript: URL.
 */
export function isAppPath(path: unknown): path is string {
  return (
    typeof path === "string" &&
    path.length <= 2000 &&
    path.startsWith("/") &&
    !path.startsWith("//") &&
    !path.startsWith("/\\") &&
    !/[\s\u0000-\u001f]/.test(path)
  );
}

const ZStoredData = z.object({
  path: z.string().optional(),
  orgName: z.string().optional(),
  subject: z.string().optional(),
  reason: z.string().optional(),
  tie: z.string().optional(),
  count: z.number().int().optional(),
});

/**
 * The JSON column as NotificationData. Rows are written by notifyOrganization,
 * but the column is untyped: anything unexpected falls back to safe values
 * rather than breaking the header for the user.
 */
export function toNotificationData(json: unknown): NotificationData {
  const parsed = ZStoredData.safeParse(json);
  const data = parsed.success ? parsed.data : {};
  return {
    path: isAppPath(data.path) ? data.path : NOTIFICATIONS_PATH,
    orgName: data.orgName ?? "",
    ...(data.subject !== undefined ? { subject: data.subject } : {}),
    ...(data.reason !== undefined ? { reason: data.reason } : {}),
    ...(data.tie !== undefined ? { tie: data.tie } : {}),
    ...(data.count !== undefined ? { count: data.count } : {}),
  };
}

/**
 * The values every kind's message may use. Each is always present (ICU
 * fails on a missing argument), with a neutral default when the event did
 * not carry it; `tie` falls to the messages' `other` branch.
 */
export function notificationMessageValues(data: NotificationData): {
  orgName: string;
  subject: string;
  reason: string;
  tie: string;
  count: number;
} {
  return {
    orgName: data.orgName,
    subject: data.subject ?? "",
    reason: data.reason?.trim() ? data.reason : "—",
    tie: data.tie ?? "other",
    count: data.count ?? 0,
  };
}
