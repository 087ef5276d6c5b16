"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition, type FormEvent } from "react";

import { buttonClasses } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { TIE_STRENGTHS, type NetworkFilters as Filters } from "@/lib/partnerships/schemas";

/**
 * Tie, country and "include ended" for the partners table. The state is in
 * the URL (?tie=&country=&ended=1): a GET form that works without
 * JavaScript and, with it, applies each change at once (back undoes it).
 * A change goes back to page 1 and keeps the sort.
 */
export function NetworkFilters({ filters, countries }: { filters: Filters; countries: { code: string; name: string }[] }) {
  const t = useTranslations("Network");
  const ties = useTranslations("partnerships.ties");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();

  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const params = new URLSearchParams(searchParams.toString());
    params.delete("page");
    for (const key of ["tie", "country", "ended"] as const) {
      const value = data.get(key);
      if (typeof value === "string" && value !== "") params.set(key, value);
      else params.delete(key);
    }
    const query = params.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };

  const sort = searchParams.get("sort");
  const perPage = searchParams.get("perPage");
  const isFiltered = Boolean(filters.tie || filters.country || filters.includeEnded);

  return (
    <form
      method="get"
      action={pathname}
      onSubmit={onSubmit}
      onChange={(event) => apply(event.currentTarget)}
      aria-label={t("filtersLabel")}
      aria-busy={isPending || undefined}
      className="flex flex-col gap-4 rounded-card border border-line bg-surface p-4 shadow-xs sm:flex-row sm:flex-wrap sm:items-end"
    >
      {sort ? <input type="hidden" name="sort" value={sort} /> : null}
      {perPage ? <input type="hidden" name="perPage" value={perPage} /> : null}
      <Field label={t("filterTie")} className="sm:w-52">
        <Select name="tie" defaultValue={filters.tie ?? ""} key={`tie-${filters.tie ?? ""}`}>
          <option value="">{t("filterTieAll")}</option>
          {TIE_STRENGTHS.map((tie) => (
            <option key={tie} value={tie}>
              {ties(tie)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("filterCountry")} className="sm:w-60">
        <Select name="country" defaultValue={filters.country ?? ""} key={`country-${filters.country ?? ""}`}>
          <option value="">{t("filterCountryAll")}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        name="ended"
        value="1"
        label={t("includeEnded")}
        defaultChecked={filters.includeEnded}
        key={`ended-${filters.includeEnded}`}
        className="sm:pb-2.5"
      />
      <noscript>
        <button type="submit" className={buttonClasses({ variant: "secondary" })}>
          {t("apply")}
        </button>
      </noscript>
      {isFiltered ? (
        <Link href={pathname} className={buttonClasses({ variant: "ghost", className: "sm:ms-auto" })}>
          {t("clearFilters")}
        </Link>
      ) : null}
    </form>
  );
}
