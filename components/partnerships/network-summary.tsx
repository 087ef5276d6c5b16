import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";

import type { NetworkSummary as Summary } from "@/lib/partnerships/queries";
import { TIE_STRENGTHS } from "@/lib/partnerships/schemas";
import { CountryLabel } from "./country-label";
import { TieBadge } from "./tie-badge";

const COUNTRIES_SHOWN = 8;

/** Counts of active partners by tie and by country; each count links to the table filtered by it. */
export function NetworkSummary({ summary, orgSlug }: { summary: Summary; orgSlug: string }) {
  const t = useTranslations("Network");
  const format = useFormatter();
  const base = `/o/${orgSlug}/network`;
  const shown = summary.byCountry.slice(0, COUNTRIES_SHOWN);
  const more = summary.byCountry.length - shown.length;

  return (
    <section aria-labelledby="network-summary-title" className="flex flex-col gap-5 rounded-card border border-line bg-surface p-5 shadow-xs">
      <div>
        <h2 id="network-summary-title" className="text-lg font-semibold text-ink">
          {t("summaryTitle")}
        </h2>
        <p className="mt-1 text-sm text-muted">
          {t("partnerCount", { count: summary.total })} · {t("countryCount", { count: summary.byCountry.length })}
          {summary.ended > 0 ? <> · {t("endedCount", { count: summary.ended })}</> : null}
        </p>
      </div>

      <div>
        <h3 className="text-sm font-semibold text-ink">{t("byTie")}</h3>
        <ul className="mt-2 flex flex-col gap-2" data-testid="network-by-tie">
          {TIE_STRENGTHS.map((tie) => (
            <li key={tie} className="flex items-center justify-between gap-3">
              <Link href={`${base}?tie=${tie}`} className="rounded-full hover:opacity-80">
                <TieBadge tie={tie} />
              </Link>
              <span className="text-sm font-semibold text-ink tabular-nums" data-tie={tie}>
                {format.number(summary.byTie[tie])}
              </span>
            </li>
          ))}
        </ul>
      </div>

      {shown.length > 0 ? (
        <div>
          <h3 className="text-sm font-semibold text-ink">{t("byCountry")}</h3>
          <ul className="mt-2 flex flex-col gap-1.5" data-testid="network-by-country">
            {shown.map((c) => (
              <li key={c.country} className="flex items-center justify-between gap-3 text-sm">
                <Link href={`${base}?country=${c.country}`} className="min-w-0 truncate text-brand-800 hover:underline">
                  <CountryLabel code={c.country} name={c.countryName} />
                </Link>
                <span className="font-semibold text-ink tabular-nums" data-country={c.country}>
                  {format.number(c.total)}
                </span>
              </li>
            ))}
          </ul>
          {more > 0 ? <p className="mt-2 text-sm text-muted">{t("countriesMore", { count: more })}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
