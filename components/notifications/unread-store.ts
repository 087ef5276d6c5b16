"use client";

import { useSyncExternalStore } from "react";

/**
 * The unread count, shared by the bell in the header and the notifications
 * page in this browser tab. The header is a server component in the root
 * layout, which a client-side navigation does not render again: after a
 * notice is marked read anywhere, the action's answer (the new count) is
 * put here and the bell shows it at once.
 */
let count: number | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function setUnreadCount(next: number): void {
  if (next === count) return;
  count = next;
  for (const listener of listeners) listener();
}

/** The latest known count; `fallback` (the server's) until the tab learns a newer one. */
export function useUnreadCount(fallback: number): number {
  // The server snapshot is always the fallback: module state is never read on the server.
  return useSyncExternalStore(subscribe, () => count, () => null) ?? fallback;
}
