"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";

import type { NotificationData, NotificationKind } from "@/lib/notifications/kinds";
import { notificationMessageValues } from "@/lib/notifications/notification-data";

/** The one-line text of a notification ("Notifications.kinds.<kind>"), filled from its data. */
export function useNotificationText() {
  const t = useTranslations("Notifications.kinds");
  return useCallback(
    (item: { kind: NotificationKind; data: NotificationData }) => t(item.kind, notificationMessageValues(item.data)),
    [t],
  );
}
