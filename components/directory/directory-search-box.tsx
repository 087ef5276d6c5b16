"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";

import { buttonClasses } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/control-styles";
import { cn } from "@/lib/utils/cn";
import { DIRECTORY_FORM_ID, useDirectoryNavigation } from "./use-directory-navigation";

const DEBOUNCE_MS = 300;

const normalise = (value: string) => value.replace(/\s+/g, " ").trim();

/**
 * Search as you type: the URL follows the text 300 ms after the last
 * keystroke (router.replace, so typing does not fill the history). The input
 * stays mounted across navigations, so focus and caret stay where they are.
 * Without JavaScript it is a field of the plain GET form.
 */
export function DirectorySearchBox({ query }: { query: string }) {
  const t = useTranslations("Directory");
  const { apply, isPending } = useDirectoryNavigation();
  const [text, setText] = useState(query);
  const [urlQuery, setUrlQuery] = useState(query);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inputId = useId();
  const hintId = useId();

  // The URL changed under us (back button, "clear filters", a link): show its
  // text, unless it is just the normalised form of what is being typed.
  if (query !== urlQuery) {
    setUrlQuery(query);
    if (normalise(text) !== query) setText(query);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={inputId} className="text-sm font-medium text-ink">
        {t("searchLabel")}
      </label>
      <div className="flex gap-2">
        <div className="relative min-w-0 flex-1">
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            fill="currentColor"
            className="pointer-events-none absolute start-3 top-1/2 size-5 -translate-y-1/2 text-muted"
          >
            <path
              fillRule="evenodd"
              d="M9 3.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM2 9a7 7 0 1 1 12.45 4.39l3.33 3.33a.75.75 0 1 1-1.06 1.06l-3.33-3.33A7 7 0 0 1 2 9Z"
              clipRule="evenodd"
            />
          </svg>
          <input
            id={inputId}
            type="search"
            name="q"
            form={DIRECTORY_FORM_ID}
            value={text}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            placeholder={t("searchPlaceholder")}
            aria-describedby={hintId}
            onChange={(event) => {
              setText(event.target.value);
              clearTimeout(timer.current);
              timer.current = setTimeout(() => apply("replace"), DEBOUNCE_MS);
            }}
            className={cn(controlClasses, "h-11 ps-10 text-base")}
          />
          {isPending ? (
            <span
              aria-hidden="true"
              className="absolute end-3 top-1/2 size-4 -translate-y-1/2 animate-spin rounded-full border-2 border-brand-200 border-t-brand-700"
            />
          ) : null}
        </div>
        <button
          type="submit"
          form={DIRECTORY_FORM_ID}
          onClick={() => clearTimeout(timer.current)}
          className={buttonClasses({ variant: "primary" })}
        >
          {t("searchSubmit")}
        </button>
      </div>
      <p id={hintId} className="text-xs text-muted">
        {t("searchHint")}
      </p>
    </div>
  );
}
