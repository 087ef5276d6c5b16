"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { controlClasses } from "@/components/ui/control-styles";
import type { DirectorySort } from "@/lib/directory/schemas";
import { cn } from "@/lib/utils/cn";
import { DIRECTORY_FORM_ID, useDirectoryNavigation } from "./use-directory-navigation";

// The engine's DIRECTORY_SORTS, repeated so the schemas (zod, country names) stay out of the browser bundle.
const DIRECTORY_SORTS = ["relevance", "name", "newest", "size"] as const satisfies readonly DirectorySort[];

/** The order of the results; part of the directory form (form="…"), applied on change. */
export function DirectorySortSelect({ sort }: { sort: DirectorySort }) {
  const t = useTranslations("Directory");
  const { apply } = useDirectoryNavigation();
  const id = useId();
  const [value, setValue] = useState<string>(sort);
  const [seen, setSeen] = useState<string>(sort);
  if (sort !== seen) {
    setSeen(sort);
    setValue(sort);
  }

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm whitespace-nowrap text-muted">
        {t("sortLabel")}
      </label>
      <div className="relative">
        <select
          id={id}
          name="sort"
          form={DIRECTORY_FORM_ID}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            apply("push");
          }}
          className={cn(controlClasses, "h-9 w-auto appearance-none pe-9 sm:text-sm")}
        >
          {DIRECTORY_SORTS.map((option) => (
            <option key={option} value={option}>
              {t(`sort.${option}`)}
            </option>
          ))}
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
    </div>
  );
}
