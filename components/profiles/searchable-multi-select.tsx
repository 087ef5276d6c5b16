"use client";

import { useTranslations } from "next-intl";
import { useDeferredValue, useId, useMemo, useState, type ReactNode } from "react";

import { Checkbox } from "@/components/ui/checkbox";
import { controlClasses } from "@/components/ui/control-styles";
import { cn } from "@/lib/utils/cn";
import type { ChoiceOption } from "./checkbox-group";
import { FieldError } from "./field-error";
import { RemovableChip } from "./removable-chip";

/** Case- and accent-insensitive, so "cote" finds "Côte d'Ivoire". */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();
}

/**
 * Many choices (keywords, countries): the chosen ones as removable chips,
 * then a search box that filters a scrollable list of checkboxes. Native
 * checkboxes keep keyboard use and screen readers simple.
 */
export function SearchableMultiSelect({
  legend,
  description,
  searchLabel,
  options,
  value,
  onChange,
  error,
  disabled,
}: {
  legend: ReactNode;
  description?: ReactNode;
  searchLabel: string;
  options: readonly ChoiceOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: ReactNode;
  disabled?: boolean;
}) {
  const t = useTranslations("ProfileEditor");
  const id = useId();
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);
  const byValue = useMemo(() => new Map(options.map((o) => [o.value, o])), [options]);
  const folded = useMemo(() => options.map((o) => ({ option: o, key: fold(o.label) })), [options]);
  const visible = useMemo(() => {
    const q = fold(deferredQuery.trim());
    return q ? folded.filter((o) => o.key.includes(q)).map((o) => o.option) : options;
  }, [deferredQuery, folded, options]);
  const toggle = (code: string, checked: boolean) =>
    onChange(checked ? [...value.filter((v) => v !== code), code] : value.filter((v) => v !== code));

  return (
    <fieldset
      className="flex flex-col gap-3"
      disabled={disabled}
      aria-describedby={[description ? `${id}-d` : null, error ? `${id}-e` : null].filter(Boolean).join(" ") || undefined}
    >
      <legend className="mb-1.5 text-sm font-medium text-ink">{legend}</legend>
      {description ? (
        <p id={`${id}-d`} className="text-sm text-muted">
          {description}
        </p>
      ) : null}
      <div aria-live="polite" className="flex flex-col gap-2">
        <p className="text-sm text-muted">{t("selectedCount", { count: value.length })}</p>
        {value.length > 0 ? (
          <ul className="flex flex-wrap gap-2">
            {value.map((code) => {
              const label = byValue.get(code)?.label ?? code;
              return (
                <li key={code}>
                  <RemovableChip label={label} removeLabel={t("removeItem", { item: label })} onRemove={() => toggle(code, false)} disabled={disabled} />
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-search`} className="sr-only">
          {searchLabel}
        </label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          placeholder={searchLabel}
          onChange={(event) => setQuery(event.target.value)}
          // Enter in the search box must not submit the whole profile.
          onKeyDown={(event) => {
            if (event.key === "Enter") event.preventDefault();
          }}
          className={cn(controlClasses, "h-10")}
          autoComplete="off"
        />
        <div className="max-h-64 overflow-y-auto rounded-lg border border-line p-3">
          {visible.length === 0 ? (
            <p className="text-sm text-muted">{t("noMatches", { query: deferredQuery.trim() })}</p>
          ) : (
            <div className="grid gap-x-6 gap-y-2.5 sm:grid-cols-2">
              {visible.map((option) => (
                <Checkbox
                  key={option.value}
                  label={option.label}
                  value={option.value}
                  checked={value.includes(option.value)}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                />
              ))}
            </div>
          )}
        </div>
      </div>
      <FieldError id={`${id}-e`}>{error}</FieldError>
    </fieldset>
  );
}
