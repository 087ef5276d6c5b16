/**
 * Every kind of notification, and the e-mail delivery a user gets for it
 * until they choose otherwise (NotificationPreference). The bell text and the
 * e-mail of a kind are in the message files under "Notifications.kinds.<kind>"
 * and "email.notification.<kind>", filled from its data.
 */
export const NOTIFICATION_KINDS = {
  "request.received": { defaultDelivery: "IMMEDIATE" },
  "request.message": { defaultDelivery: "IMMEDIATE" },
  "request.accepted": { defaultDelivery: "IMMEDIATE" },
  "request.declined": { defaultDelivery: "IMMEDIATE" },
  "request.withdrawn": { defaultDelivery: "IMMEDIATE" },
  "request.reminder": { defaultDelivery: "IMMEDIATE" },
  "request.expired": { defaultDelivery: "IMMEDIATE" },
  "partnership.raiseProposed": { defaultDelivery: "IMMEDIATE" },
  "partnership.raiseConfirmed": { defaultDelivery: "IMMEDIATE" },
  "partnership.raiseDeclined": { defaultDelivery: "IMMEDIATE" },
  "partnership.raiseWithdrawn": { defaultDelivery: "IMMEDIATE" },
  "partnership.ended": { defaultDelivery: "IMMEDIATE" },
  "profile.approved": { defaultDelivery: "IMMEDIATE" },
  "profile.rejected": { defaultDelivery: "IMMEDIATE" },
  "recommendations.new": { defaultDelivery: "DIGEST" },
} as const satisfies Record<string, { defaultDelivery: "IMMEDIATE" | "DIGEST" | "OFF" }>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && Object.hasOwn(NOTIFICATION_KINDS, value);
}

/**
 * What every notification carries: a path inside the app to the item, and the
 * texts its message needs. orgName is the other organisation (or one's own
 * for profile reviews).
 */
export type NotificationData = {
  /** Path inside the app, e.g. /o/acme/requests/<id>. */
  path: string;
  orgName: string;
  subject?: string;
  reason?: string;
  /** A TieStrength value, for partnership kinds. */
  tie?: string;
  /** Count of new items, for recommendations.new. */
  count?: number;
};

/** How a user gets a kind by e-mail; in the app they always see it. */
export const NOTIFICATION_DELIVERIES = ["IMMEDIATE", "DIGEST", "OFF"] as const;
export type NotificationDeliveryChoice = (typeof NOTIFICATION_DELIVERIES)[number];

/** Every kind, in the order the preferences form lists them. */
export const NOTIFICATION_KIND_LIST = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export function defaultDeliveryOf(kind: NotificationKind): NotificationDeliveryChoice {
  return NOTIFICATION_KINDS[kind].defaultDelivery;
}
