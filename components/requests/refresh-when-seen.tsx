"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Opening an unread request marks it seen, but the organisation's layout
 * (with the unread count in its navigation) was rendered alongside the page
 * and is kept by client-side navigation. One refresh after the first visit
 * brings the count up to date.
 */
export function RefreshWhenSeen({ wasUnread }: { wasUnread: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (wasUnread) router.refresh();
  }, [wasUnread, router]);
  return null;
}
