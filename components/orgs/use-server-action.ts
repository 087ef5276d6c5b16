"use client";

import { useTranslations } from "next-intl";
import { useCallback, useRef, useState, useTransition } from "react";

import type { ActionResult } from "@/lib/actions/action";

/**
 * Runs a server action the way every organisation form does: at most one at
 * a time (a double click sends once), inside a transition so that a
 * redirect from the action is followed and `isPending` covers the whole
 * round trip, with the action's translated error and field errors kept for
 * the form to show.
 */
export function useServerAction() {
  const [isPending, startTransition] = useTransition();
  const isRunning = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const run = useCallback(<T,>(call: () => Promise<ActionResult<T>>, onSuccess?: (data: T) => void) => {
    if (isRunning.current) return;
    isRunning.current = true;
    setError(null);
    setFieldErrors({});
    startTransition(async () => {
      try {
        const result = await call();
        if (result.ok) {
          onSuccess?.(result.data);
        } else {
          setError(result.error);
          setFieldErrors(result.fieldErrors ?? {});
        }
      } finally {
        isRunning.current = false;
      }
    });
  }, []);

  const reset = useCallback(() => {
    setError(null);
    setFieldErrors({});
  }, []);

  return { run, isPending, error, fieldErrors, reset };
}

/**
 * Translates a zod message key from a client-side check (the schemas use
 * keys such as "orgs.slug.invalid"); zod's own messages become a generic
 * "not valid".
 */
export function useZodMessage() {
  const t = useTranslations();
  return useCallback(
    (message: string | undefined): string | undefined => {
      if (!message) return undefined;
      return message.includes(".") && t.has(message as never) ? t(message as never) : t("errors.invalidField");
    },
    [t],
  );
}
