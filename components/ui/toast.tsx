"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";

import { cn } from "@/lib/utils/cn";

export type ToastVariant = "success" | "error" | "info";

export interface ToastOptions {
  /** Already translated. */
  title: string;
  description?: string;
  variant?: ToastVariant;
  /** Milliseconds before it goes away on its own; 0 keeps it until dismissed. */
  duration?: number;
}

interface ToastItem extends Required<Omit<ToastOptions, "description">> {
  id: number;
  description?: string;
}

interface ToastContextValue {
  toast: (options: ToastOptions) => number;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastContextValue | null>(null);

const DEFAULT_DURATION: Record<ToastVariant, number> = { success: 5000, info: 5000, error: 8000 };
const MAX_TOASTS = 4;

/**
 * `const { toast } = useToast(); toast({ title: t("saved"), variant: "success" })`.
 * Needs <ToastProvider> above (app/layout.tsx has it).
 */
export function useToast(): ToastContextValue {
  const value = useContext(ToastContext);
  if (!value) throw new Error("useToast must be used inside <ToastProvider>");
  return value;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useTranslations("Toast");
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((item) => item.id !== id));
  }, []);

  const toast = useCallback((options: ToastOptions) => {
    const id = nextId.current++;
    const variant = options.variant ?? "info";
    const item: ToastItem = {
      id,
      title: options.title,
      description: options.description,
      variant,
      duration: options.duration ?? DEFAULT_DURATION[variant],
    };
    setToasts((current) => [...current, item].slice(-MAX_TOASTS));
    return id;
  }, []);

  const value = useMemo(() => ({ toast, dismiss }), [toast, dismiss]);

  return (
    <ToastContext value={value}>
      {children}
      {/*
        Two live regions that exist from the first render (a region added
        together with its message is often not announced): errors are
        assertive, everything else polite.
      */}
      <section
        aria-label={t("region")}
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col gap-2 p-4"
      >
        <ol aria-live="assertive" aria-relevant="additions" className="flex w-full flex-col items-center gap-2 sm:items-end">
          {toasts
            .filter((item) => item.variant === "error")
            .map((item) => (
              <Toast key={item.id} item={item} onDismiss={dismiss} dismissLabel={t("dismiss")} />
            ))}
        </ol>
        <ol aria-live="polite" aria-relevant="additions" className="flex w-full flex-col items-center gap-2 sm:items-end">
          {toasts
            .filter((item) => item.variant !== "error")
            .map((item) => (
              <Toast key={item.id} item={item} onDismiss={dismiss} dismissLabel={t("dismiss")} />
            ))}
        </ol>
      </section>
    </ToastContext>
  );
}

const variantClasses: Record<ToastVariant, { box: string; icon: string }> = {
  success: { box: "border-emerald-200", icon: "text-emerald-600" },
  error: { box: "border-red-200", icon: "text-red-600" },
  info: { box: "border-line", icon: "text-brand-600" },
};

const variantIcons: Record<ToastVariant, string> = {
  success:
    "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.857-9.809a.75.75 0 0 0-1.214-.882l-3.483 4.79-1.88-1.88a.75.75 0 1 0-1.06 1.061l2.5 2.5a.75.75 0 0 0 1.137-.089l4-5.5Z",
  error:
    "M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z",
  info: "M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.253a.25.25 0 0 1 .244.304l-.459 2.066A1.75 1.75 0 0 0 10.747 15H11a.75.75 0 0 0 0-1.5h-.253a.25.25 0 0 1-.244-.304l.459-2.066A1.75 1.75 0 0 0 9.253 9H9Z",
};

function Toast({ item, onDismiss, dismissLabel }: { item: ToastItem; onDismiss: (id: number) => void; dismissLabel: string }) {
  const [isPaused, setIsPaused] = useState(false);

  // Paused while hovered or focused, so nobody loses a message mid-read.
  useEffect(() => {
    if (item.duration <= 0 || isPaused) return;
    const timer = window.setTimeout(() => onDismiss(item.id), item.duration);
    return () => window.clearTimeout(timer);
  }, [item.id, item.duration, isPaused, onDismiss]);

  return (
    <li
      onMouseEnter={() => setIsPaused(true)}
      onMouseLeave={() => setIsPaused(false)}
      onFocus={() => setIsPaused(true)}
      onBlur={() => setIsPaused(false)}
      className={cn(
        "pointer-events-auto flex w-full max-w-sm animate-toast-in items-start gap-3 rounded-card border bg-surface p-4 shadow-lg",
        variantClasses[item.variant].box,
      )}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        fill="currentColor"
        className={cn("mt-px size-5 shrink-0", variantClasses[item.variant].icon)}
      >
        <path fillRule="evenodd" clipRule="evenodd" d={variantIcons[item.variant]} />
      </svg>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-semibold text-ink">{item.title}</p>
        {item.description ? <p className="mt-1 text-sm text-muted">{item.description}</p> : null}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(item.id)}
        aria-label={dismissLabel}
        className="-me-1 -mt-1 inline-flex size-8 shrink-0 items-center justify-center rounded-md text-muted hover:bg-brand-50 hover:text-ink"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
          <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
        </svg>
      </button>
    </li>
  );
}
