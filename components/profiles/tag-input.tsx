"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/control-styles";
import { cn } from "@/lib/utils/cn";
import { FieldError } from "./field-error";
import { RemovableChip } from "./removable-chip";

const MIN = 2;
const MAX = 40;
const MAX_TAGS = 20;

/** Free tags: type one, press Enter or Add; the same limits as the schema, checked as you add. */
export function TagInput({
  legend,
  description,
  value,
  onChange,
  error,
  disabled,
}: {
  legend: ReactNode;
  description?: ReactNode;
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: ReactNode;
  disabled?: boolean;
}) {
  const t = useTranslations("ProfileEditor");
  const tr = useTranslations();
  const id = useId();
  const [draft, setDraft] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);

  const add = () => {
    const tag = draft.trim().toLocaleLowerCase();
    if (!tag) return;
    if (tag.length < MIN || tag.length > MAX) return setLocalError(tr("profiles.errors.tag"));
    if (value.includes(tag)) return setLocalError(t("tagExists"));
    if (value.length >= MAX_TAGS) return setLocalError(tr("profiles.errors.tooMany"));
    onChange([...value, tag]);
    setDraft("");
    setLocalError(null);
  };

  const shownError = localError ?? error;
  return (
    <fieldset
      className="flex flex-col gap-3"
      disabled={disabled}
      aria-describedby={[description ? `${id}-d` : null, shownError ? `${id}-e` : null].filter(Boolean).join(" ") || undefined}
    >
      <legend className="mb-1.5 text-sm font-medium text-ink">{legend}</legend>
      {description ? (
        <p id={`${id}-d`} className="text-sm text-muted">
          {description}
        </p>
      ) : null}
      {value.length > 0 ? (
        <ul className="flex flex-wrap gap-2">
          {value.map((tag) => (
            <li key={tag}>
              <RemovableChip
                label={tag}
                removeLabel={t("removeItem", { item: tag })}
                onRemove={() => onChange(value.filter((v) => v !== tag))}
                disabled={disabled}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">{t("noTags")}</p>
      )}
      {disabled ? null : (
        <div className="flex gap-2">
          <label htmlFor={`${id}-input`} className="sr-only">
            {t("tagInput")}
          </label>
          <input
            id={`${id}-input`}
            value={draft}
            maxLength={MAX + 10}
            placeholder={t("tagInput")}
            onChange={(event) => {
              setDraft(event.target.value);
              setLocalError(null);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                // Enter adds the tag instead of submitting the whole profile.
                event.preventDefault();
                add();
              }
            }}
            aria-invalid={shownError ? true : undefined}
            className={cn(controlClasses, "h-10 max-w-xs")}
            autoComplete="off"
          />
          <Button variant="secondary" onClick={add}>
            {t("addTag")}
          </Button>
        </div>
      )}
      <FieldError id={`${id}-e`}>{shownError}</FieldError>
    </fieldset>
  );
}
