"use client";

import { useRouter } from "next/navigation";
import { useCallback, type MouseEvent } from "react";

import { markNotificationReadAction } from "@/lib/notifications/actions";
import type { NotificationItem } from "@/lib/notifications/list-notifications";
import { setUnreadCount } from "./unread-store";

async function markRead(item: Pick<NotificationItem, "id" | "readAt">): Promise<void> {
  if (item.readAt) return;
  const result = await markNotificationReadAction({ notificationId: item.id }).catch(() => null);
  if (result?.ok) setUnreadCount(result.data.unread);
}

/**
 * Following a notification's link marks it read, then goes to its item. The
 * link is a real link (a new tab works too, and marks it read as well).
 */
export function useOpenNotification(options: { onOpen?: () => void; onRead?: (id: string) => void } = {}) {
  const router = useRouter();
  const { onOpen, onRead } = options;
  return useCallback(
    (event: MouseEvent<HTMLAnchorElement>, item: Pick<NotificationItem, "id" | "readAt" | "data">) => {
      const read = markRead(item).then(() => onRead?.(item.id));
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return; // the browser opens it elsewhere; the mark is on its way
      }
      event.preventDefault();
      onOpen?.();
      // Navigate once the mark is stored, so the page there already counts it read.
      void read.finally(() => router.push(item.data.path));
    },
    [router, onOpen, onRead],
  );
}
