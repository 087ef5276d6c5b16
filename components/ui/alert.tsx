import type { ReactNode } from "react";

import { cn } from "@/lib/utils/cn";

export type AlertVariant = "error" | "success" | "info";

const styles: Record<AlertVariant, { box: string; icon: string; path: string }> = {
  error: {
    box: "border-red-200 bg-red-50 text-red-900",
    icon: "text-red-600",
    path: "M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z",
  },
  success: {
    box: "border-emerald-200 bg-emerald-50 text-emerald-900",
    icon: "text-emerald-600",
    path: "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.857-9.809a.75.75 0 0 0-1.214-.882l-3.483 4.79-1.88-1.88a.75.75 0 1 0-1.06 1.061l2.5 2.5a.75.75 0 0 0 1.137-.089l4-5.5Z",
  },
  info: {
    box: "border-brand-200 bg-brand-50 text-ink",
    icon: "text-brand-700",
    path: "M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.253a.25.25 0 0 1 .244.304l-.459 2.066A1.75 1.75 0 0 0 10.747 15H11a.75.75 0 0 0 0-1.5h-.253a.25.25 0 0 1-.244-.304l.459-2.066A1.75 1.75 0 0 0 9.253 9H9Z",
  },
};

/**
 * A message about the whole form or page. Errors are announced at once
 * (role="alert"); success and information politely (role="status").
 */
export function Alert({
  variant = "error",
  title,
  children,
  className,
}: {
  variant?: AlertVariant;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  const style = styles[variant];
  return (
    <div
      role={variant === "error" ? "alert" : "status"}
      className={cn("flex items-start gap-3 rounded-lg border p-3 text-sm", style.box, className)}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className={cn("mt-px size-5 shrink-0", style.icon)}>
        <path fillRule="evenodd" clipRule="evenodd" d={style.path} />
      </svg>
      <div className="flex min-w-0 flex-col gap-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="text-pretty">{children}</div> : null}
      </div>
    </div>
  );
}

/**
 * The form-level message of a failed action. The live region is rendered
 * before it has text, so screen readers announce the message when it appears.
 */
export function ActionError({ message, className }: { message: string | null | undefined; className?: string }) {
  return (
    <div
      role="alert"
      className={cn(message ? "rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" : "sr-only", className)}
    >
      {message}
    </div>
  );
}
