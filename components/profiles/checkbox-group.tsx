"use client";

import { useId, type ReactNode } from "react";

import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/lib/utils/cn";
import { FieldError } from "./field-error";

export interface ChoiceOption {
  value: string;
  label: string;
}

/** A labelled group of checkboxes whose value is the list of checked codes. */
export function CheckboxGroup({
  legend,
  description,
  options,
  value,
  onChange,
  error,
  columns = 2,
  disabled,
}: {
  legend: ReactNode;
  description?: ReactNode;
  options: readonly ChoiceOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: ReactNode;
  columns?: 1 | 2 | 3;
  disabled?: boolean;
}) {
  const id = useId();
  const toggle = (code: string, checked: boolean) =>
    onChange(checked ? [...value.filter((v) => v !== code), code] : value.filter((v) => v !== code));
  return (
    <fieldset
      className="flex flex-col gap-3"
      aria-describedby={[description ? `${id}-d` : null, error ? `${id}-e` : null].filter(Boolean).join(" ") || undefined}
      disabled={disabled}
    >
      <legend className="mb-1.5 text-sm font-medium text-ink">{legend}</legend>
      {description ? (
        <p id={`${id}-d`} className="text-sm text-muted">
          {description}
        </p>
      ) : null}
      <div className={cn("grid gap-x-6 gap-y-2.5", columns === 2 && "sm:grid-cols-2", columns === 3 && "sm:grid-cols-2 lg:grid-cols-3")}>
        {options.map((option) => (
          <Checkbox
            key={option.value}
            label={option.label}
            value={option.value}
            checked={value.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
          />
        ))}
      </div>
      <FieldError id={`${id}-e`}>{error}</FieldError>
    </fieldset>
  );
}
