import type { ReactNode } from "react";

import { cn } from "@/lib/utils/cn";

/**
 * The frame of the account pages (sign-in, sign-up, links from e-mails): a
 * heading, a short lead and a card, centred in a narrow column.
 */
export function AuthShell({
  title,
  lead,
  children,
  footer,
  className,
}: {
  title: ReactNode;
  lead?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("mx-auto w-full max-w-md px-4 py-12 sm:px-6 sm:py-16", className)}>
      <h1 className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">{title}</h1>
      {lead ? <p className="mt-2 text-pretty text-muted">{lead}</p> : null}
      <div className="mt-8 rounded-card border border-line bg-surface p-6 shadow-xs sm:p-8">{children}</div>
      {footer ? <div className="mt-6 flex flex-col gap-2 text-center text-sm text-muted">{footer}</div> : null}
    </div>
  );
}
