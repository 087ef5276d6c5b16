"use client";

import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import type { FieldError, FieldValues, Path, UseFormReturn } from "react-hook-form";

import type { ActionResult } from "@/lib/actions/action";

/**
 * Turns a field's error into text: client-side errors carry a message key
 * from the zod schema ("auth.password.tooShort"), server-side ones
 * (type "server") arrive already translated.
 */
export function useErrorText() {
  const t = useTranslations();
  return useCallback(
    (error: FieldError | undefined): string | undefined => {
      const message = error?.message;
      if (!message) return undefined;
      if (error.type === "server") return message;
      return t.has(message as never) ? t(message as never) : t("errors.invalidField");
    },
    [t],
  );
}

/**
 * The common part of every account form: runs one action at a time (a
 * double click sends once), puts the server's field errors next to the
 * fields and keeps the form-level error for the alert.
 */
export function useActionSubmit<TValues extends FieldValues>(form: UseFormReturn<TValues, unknown, unknown>) {
  const t = useTranslations();
  const [formError, setFormError] = useState<string | null>(null);
  const inFlight = useRef(false);

  const run = useCallback(
    async <T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T> | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setFormError(null);
      try {
        const result = await call();
        if (!result.ok) {
          // Only fields this form has: an error about another one stays in the alert.
          const values = form.getValues() as Record<string, unknown>;
          const fields = Object.entries(result.fieldErrors ?? {}).filter(([field]) => field in values);
          fields.forEach(([field, message], index) => {
            form.setError(field as Path<TValues>, { type: "server", message }, { shouldFocus: index === 0 });
          });
          // A rule about one field ("not your current password") shows next to
          // that field only; anything else also goes to the form's alert.
          const isAboutOneField = fields.length === 1 && fields[0]?.[1] === result.error;
          setFormError(isAboutOneField ? null : result.error);
        }
        return result;
      } catch {
        // The network or the server failed before an answer came back.
        setFormError(t("errors.generic"));
        return null;
      } finally {
        inFlight.current = false;
      }
    },
    [form, t],
  );

  return { formError, setFormError, run };
}
