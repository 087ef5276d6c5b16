"use client";

import type { Ref, SelectHTMLAttributes } from "react";

import { cn } from "@/lib/utils/cn";
import { controlClasses } from "./control-styles";
import { useFieldControl } from "./field";

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  /** Either pass options here or <option> children. */
  options?: readonly SelectOption[];
  /** A first, empty option ("Choose a country…"). */
  placeholder?: string;
  ref?: Ref<HTMLSelectElement>;
}

/** Native <select>: the most accessible and phone-friendly choice for a single value. */
export function Select({ className, options, placeholder, children, ref, ...props }: SelectProps) {
  const wired = useFieldControl(props);
  return (
    <div className={cn("relative", className)}>
      <select ref={ref} className={cn(controlClasses, "h-10 appearance-none pe-9")} {...wired}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options?.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
        {children}
      </select>
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        fill="currentColor"
        className="pointer-events-none absolute end-3 top-1/2 size-4 -translate-y-1/2 text-muted"
      >
        <path
          fillRule="evenodd"
          d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
          clipRule="evenodd"
        />
      </svg>
    </div>
  );
}
