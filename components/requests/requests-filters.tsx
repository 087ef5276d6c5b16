"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition, type ChangeEvent } from "react";

import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { REQUEST_KINDS, REQUEST_STATUSES, type RequestBox } from "@/lib/requests/schemas";

const FILTER_KEYS = ["status", "kind", "country"] as const;

/**
 * Status, kind and the other side's country, kept in the URL
 * (`?status=OPEN&kind=EVENT&country=FR`) so that a link reproduces the view.
 * A change applies at once with JavaScript (and goes back to page 1);
 * without, the form submits with "Apply".
 */
export function RequestsFilters({
  box,
  countries,
  values,
}: {
  box: RequestBox;
  /** The other sides' countries in this box, already named in the user's language. */
  countries: { code: string; name: string }[];
  values: { status?: string; kind?: string; country?: string };
}) {
  const t = useTranslations("Requests");
  const statuses = useTranslations("requests.statuses");
  const kinds = useTranslations("requests.kinds");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();

  const onChange = (key: (typeof FILTER_KEYS)[number]) => (event: ChangeEvent<HTMLSelectElement>) => {
    const params = new URLSearchParams(searchParams);
    if (event.target.value) params.set(key, event.target.value);
    else params.delete(key);
    params.delete("page");
    const query = params.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };

  const isFiltered = FILTER_KEYS.some((key) => values[key]);
  const clearHref = box === "sent" ? `${pathname}?box=sent` : pathname;

  return (
    <form method="get" action={pathname} aria-label={t("filtersLabel")} aria-busy={isPending || undefined} className="flex flex-wrap items-end gap-3">
      {box === "sent" ? <input type="hidden" name="box" value="sent" /> : null}
      <Field label={t("status")} className="w-44">
        <Select name="status" value={values.status ?? ""} onChange={onChange("status")} placeholder={t("anyStatus")}
          options={REQUEST_STATUSES.map((s) => ({ value: s, label: statuses(s) }))} />
      </Field>
      <Field label={t("kind")} className="w-60">
        <Select name="kind" value={values.kind ?? ""} onChange={onChange("kind")} placeholder={t("anyKind")}
          options={REQUEST_KINDS.map((k) => ({ value: k, label: kinds(k) }))} />
      </Field>
      <Field label={t("country")} className="w-52">
        <Select name="country" value={values.country ?? ""} onChange={onChange("country")} placeholder={t("anyCountry")}
          options={countries.map((c) => ({ value: c.code, label: c.name }))} />
      </Field>
      <noscript>
        <button type="submit" className={buttonClasses({ variant: "secondary" })}>
          {t("apply")}
        </button>
      </noscript>
      {isFiltered ? (
        <Link href={clearHref} className={buttonClasses({ variant: "ghost" })}>
          {t("clearFilters")}
        </Link>
      ) : null}
    </form>
  );
}
