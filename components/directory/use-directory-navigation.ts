"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

/** The one form that holds the directory's state; the search box and sort select join it with form="…". */
export const DIRECTORY_FORM_ID = "directory-form";

const LIST_KEYS = ["country", "ecosystem", "sector", "label", "size", "level"] as const;

/**
 * The directory URL of the form's current values, in the same shape as
 * directoryQueryToSearchParams (comma lists, defaults left out) without
 * shipping the engine's schemas to the browser. A change of search or filter
 * starts again at page 1.
 */
export function directoryHrefFromForm(form: HTMLFormElement): string {
  const data = new FormData(form);
  const params = new URLSearchParams();
  const text = (key: string) => String(data.get(key) ?? "").trim();
  const q = text("q").replace(/\s+/g, " ");
  if (q) params.set("q", q);
  for (const key of LIST_KEYS) {
    const values = data.getAll(key).map(String).filter(Boolean);
    if (values.length > 0) params.set(key, values.join(","));
  }
  for (const region of data.getAll("region").map(String).filter(Boolean)) params.append("region", region);
  if (text("targetsCountry")) params.set("targetsCountry", text("targetsCountry"));
  if (text("sort") && text("sort") !== "relevance") params.set("sort", text("sort"));
  if (text("perPage")) params.set("perPage", text("perPage"));
  if (text("view") === "map") params.set("view", "map");
  const search = params.toString();
  return search ? `/clusters?${search}` : "/clusters";
}

/**
 * Applies the directory form to the URL: `push` for deliberate choices (a
 * filter, the sort: the back button steps through them), `replace` while
 * typing (one history entry per search, not per keystroke).
 */
export function useDirectoryNavigation() {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();

  const apply = (mode: "push" | "replace") => {
    const form = document.getElementById(DIRECTORY_FORM_ID);
    if (!(form instanceof HTMLFormElement)) return;
    const href = directoryHrefFromForm(form);
    if (href === `${window.location.pathname}${window.location.search}`) return;
    startTransition(() => {
      if (mode === "push") router.push(href, { scroll: false });
      else router.replace(href, { scroll: false });
    });
  };

  return { apply, isPending };
}
