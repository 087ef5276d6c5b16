import type { ReactNode } from "react";

import { cn } from "@/lib/utils/cn";

/** One block of the account page: a heading and lead on the left, the form on the right. */
export function AccountSection({
  id,
  title,
  lead,
  children,
  tone = "default",
}: {
  id: string;
  title: ReactNode;
  lead?: ReactNode;
  children: ReactNode;
  tone?: "default" | "danger";
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={cn(
        "grid gap-6 rounded-card border bg-surface p-6 shadow-xs sm:p-8 md:grid-cols-[1fr_1.4fr]",
        tone === "danger" ? "border-red-200" : "border-line",
      )}
    >
      <div>
        <h2 id={`${id}-title`} className={cn("text-lg font-semibold", tone === "danger" ? "text-red-800" : "text-ink")}>
          {title}
        </h2>
        {lead ? <p className="mt-1 text-sm text-pretty text-muted">{lead}</p> : null}
      </div>
      <div className="min-w-0">{children}</div>
    </section>
  );
}
