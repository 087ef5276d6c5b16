"use client";

import { createContext, useContext, useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";

import { cn } from "@/lib/utils/cn";
import { Label } from "./label";

interface FieldContextValue {
  id: string;
  descriptionId: string | undefined;
  errorId: string | undefined;
  isInvalid: boolean;
  isRequired: boolean;
}

const FieldContext = createContext<FieldContextValue | null>(null);

/**
 * Props a control inside <Field> needs so screen readers announce its label,
 * description and error: id, aria-describedby, aria-invalid, required.
 * Explicit props on the control win over the field's.
 */
export function useFieldControl<
  P extends {
    id?: string;
    "aria-describedby"?: string;
    "aria-invalid"?: boolean | "true" | "false" | "grammar" | "spelling";
    required?: boolean;
  },
>(props: P): P {
  const field = useContext(FieldContext);
  if (!field) return props;
  const describedBy = [field.descriptionId, field.errorId, props["aria-describedby"]].filter(Boolean).join(" ");
  return {
    ...props,
    id: props.id ?? field.id,
    "aria-describedby": describedBy || undefined,
    "aria-invalid": props["aria-invalid"] ?? (field.isInvalid || undefined),
    required: props.required ?? (field.isRequired || undefined),
  };
}

export interface FieldProps {
  label: ReactNode;
  /** Help text under the label, read after the label by screen readers. */
  description?: ReactNode;
  /** Error message; marks the control aria-invalid and is announced with it. */
  error?: ReactNode;
  isRequired?: boolean;
  /** Shows "(optional)" after the label; use when most fields of a form are required. */
  isOptional?: boolean;
  /** Give the control's id when it must be known outside (e.g. for a test); generated otherwise. */
  id?: string;
  className?: string;
  children: ReactNode;
}

/**
 * Label + control + description + error, wired for assistive technology:
 *
 *   <Field label={t("name")} error={errors.name?.message} isRequired>
 *     <Input name="name" />
 *   </Field>
 */
export function Field({ label, description, error, isRequired = false, isOptional = false, id, className, children }: FieldProps) {
  const t = useTranslations("Common");
  const generated = useId();
  const controlId = id ?? `field-${generated}`;
  const hasError = error !== undefined && error !== null && error !== false && error !== "";
  const value: FieldContextValue = {
    id: controlId,
    descriptionId: description ? `${controlId}-description` : undefined,
    errorId: hasError ? `${controlId}-error` : undefined,
    isInvalid: hasError,
    isRequired,
  };

  return (
    <FieldContext value={value}>
      <div className={cn("flex flex-col gap-1.5", className)}>
        <Label htmlFor={controlId}>
          {label}
          {isRequired ? (
            <span aria-hidden="true" className="ms-0.5 text-red-700">
              *
            </span>
          ) : null}
          {isOptional && !isRequired ? <span className="ms-1 font-normal text-muted">({t("optional")})</span> : null}
        </Label>
        {description ? (
          <p id={value.descriptionId} className="text-sm text-muted">
            {description}
          </p>
        ) : null}
        {children}
        {hasError ? (
          <p id={value.errorId} className="flex items-start gap-1.5 text-sm font-medium text-red-700">
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-4 shrink-0">
              <path
                fillRule="evenodd"
                d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
                clipRule="evenodd"
              />
            </svg>
            <span>{error}</span>
          </p>
        ) : null}
      </div>
    </FieldContext>
  );
}
