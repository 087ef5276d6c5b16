import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

import { cn } from "@/lib/utils/cn";

export interface ErrorStateProps {
  title?: ReactNode;
  description?: ReactNode;
  /** e.g. a retry <Button> (from a client component) or a link home. */
  action?: ReactNode;
  /** A support reference such as an error digest; never a stack trace or raw message. */
  reference?: string;
  headingLevel?: 1 | 2 | 3;
  className?: string;
}

/**
 * A part of the page (or the whole page) that failed to load. role="alert"
 * makes screen readers announce it when it replaces content.
 */
export function ErrorState({ title, description, action, reference, headingLevel = 2, className }: ErrorStateProps) {
  const t = useTranslations("ErrorState");
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      role="alert"
      className={cn(
        "flex flex-col items-center gap-3 rounded-card border border-red-200 bg-surface px-6 py-12 text-center",
        className,
      )}
    >
      <div aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-red-50 text-red-700">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" className="size-6">
          <path
            strokeLinecap="round"
            strokeLinejoin="round"
            d="M12 9v3.75m-9.303 3.376c-.866 1.5.217 3.374 1.948 3.374h14.71c1.73 0 2.813-1.874 1.948-3.374L13.949 3.378c-.866-1.5-3.032-1.5-3.898 0L2.697 16.126ZM12 15.75h.007v.008H12v-.008Z"
          />
        </svg>
      </div>
      <Heading className={cn("font-semibold text-ink", headingLevel === 1 ? "text-2xl" : "text-base")}>
        {title ?? t("defaultTitle")}
      </Heading>
      <p className="max-w-md text-sm text-muted">{description ?? t("defaultDescription")}</p>
      {action ? <div className="mt-2 flex flex-wrap justify-center gap-3">{action}</div> : null}
      {reference ? <p className="text-xs text-muted">{reference}</p> : null}
    </div>
  );
}
