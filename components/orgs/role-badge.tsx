import { useTranslations } from "next-intl";

import type { Role } from "@/lib/auth/permissions";
import { cn } from "@/lib/utils/cn";

/** A member's role as a small label. Works in server and client components. */
export function RoleBadge({ role, className }: { role: Role; className?: string }) {
  const t = useTranslations("orgs.roles");
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full border border-brand-200 bg-brand-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-brand-800",
        className,
      )}
    >
      {t(role)}
    </span>
  );
}
