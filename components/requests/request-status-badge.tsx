import { useTranslations } from "next-intl";

import type { RequestStatus } from "@/lib/db/generated/enums";
import { cn } from "@/lib/utils/cn";

const tones: Record<RequestStatus, string> = {
  OPEN: "border-brand-200 bg-brand-50 text-brand-800",
  ACCEPTED: "border-emerald-200 bg-emerald-50 text-emerald-800",
  DECLINED: "border-red-200 bg-red-50 text-red-800",
  WITHDRAWN: "border-line bg-canvas text-muted",
  EXPIRED: "border-amber-200 bg-amber-50 text-amber-900",
};

/** A request's status as a small label; works in server and client components. */
export function RequestStatusBadge({ status, className }: { status: RequestStatus; className?: string }) {
  const t = useTranslations("requests.statuses");
  return (
    <span
      data-status={status}
      className={cn("inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap", tones[status], className)}
    >
      {t(status)}
    </span>
  );
}
