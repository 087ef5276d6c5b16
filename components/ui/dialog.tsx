"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";

import { cn } from "@/lib/utils/cn";

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Action buttons, end-aligned under the body (stacked on phones). */
  footer?: ReactNode;
  /** false: Escape and clicks outside do not close it (e.g. while saving). */
  isDismissible?: boolean;
  size?: "sm" | "md" | "lg";
  className?: string;
}

const sizes = { sm: "sm:max-w-sm", md: "sm:max-w-lg", lg: "sm:max-w-2xl" } as const;

/**
 * A modal built on the native <dialog> element with showModal(): the browser
 * makes the rest of the page inert, traps Tab inside, moves focus to the first
 * focusable element (or the one with `autoFocus`) and closes on Escape. We add
 * the labelling, focus return to the opener, click-outside and the look.
 *
 *   const [open, setOpen] = useState(false);
 *   <Button onClick={() => setOpen(true)}>Withdraw request</Button>
 *   <Dialog open={open} onOpenChange={setOpen} title="Withdraw this request?"
 *     footer={<><Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
 *               <Button variant="danger" onClick={withdraw}>Withdraw</Button></>}>
 *     The other organisation will be told.
 *   </Dialog>
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
  isDismissible = true,
  size = "md",
  className,
}: DialogProps) {
  const t = useTranslations("Dialog");
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Close if the component unmounts while open, so the page is not left inert.
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: let the parent decide, keeping `open` the single source of truth.
        event.preventDefault();
        if (isDismissible) onOpenChange(false);
      }}
      onClose={() => {
        const target = opener.current;
        opener.current = null;
        if (open) onOpenChange(false);
        if (target?.isConnected) target.focus();
      }}
      onClick={(event) => {
        // The dialog box fills the <dialog>'s padding box, so a click whose
        // target is the <dialog> itself landed on the backdrop.
        if (event.target === event.currentTarget && isDismissible) onOpenChange(false);
      }}
      className={cn(
        "m-auto w-[calc(100%-2rem)] max-w-none rounded-card bg-surface p-0 text-ink shadow-xl",
        "max-h-[calc(100dvh-2rem)] backdrop:backdrop-blur-[1px]",
        sizes[size],
        className,
      )}
    >
      <div className="flex max-h-[calc(100dvh-2rem)] flex-col">
        <div className="flex items-start justify-between gap-4 border-b border-line px-5 py-4">
          <div className="min-w-0">
            <h2 id={titleId} className="text-lg font-semibold text-ink">
              {title}
            </h2>
            {description ? (
              <p id={descriptionId} className="mt-1 text-sm text-muted">
                {description}
              </p>
            ) : null}
          </div>
          {isDismissible ? (
            <button
              type="button"
              onClick={() => onOpenChange(false)}
              aria-label={t("close")}
              className="-me-2 -mt-1 inline-flex size-9 shrink-0 items-center justify-center rounded-lg text-muted hover:bg-brand-50 hover:text-ink"
            >
              <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5">
                <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
              </svg>
            </button>
          ) : null}
        </div>
        {children ? <div className="overflow-y-auto px-5 py-4 text-sm">{children}</div> : null}
        {footer ? (
          <div className="flex flex-col-reverse gap-2 border-t border-line px-5 py-4 sm:flex-row sm:justify-end">{footer}</div>
        ) : null}
      </div>
    </dialog>
  );
}
