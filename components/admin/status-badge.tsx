import type { ReactNode } from "react";

import { cn } from "@/lib/utils/cn";

const tones = {
  neutral: "border-line bg-canvas text-muted",
  positive: "border-emerald-200 bg-emerald-50 text-emerald-800",
  danger: "border-red-200 bg-red-50 text-red-800",
  brand: "border-brand-200 bg-brand-50 text-brand-800",
} as const;

/** A small label for a state in a table cell (active, suspended, administrator). */
export function StatusBadge({ tone = "neutral", children }: { tone?: keyof typeof tones; children: ReactNode }) {
  return (
    <span className={cn("inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap", tones[tone])}>
      {children}
    </span>
  );
}
