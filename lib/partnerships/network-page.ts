import "server-only";
import { can } from "@/lib/auth/permissions";
import { countryName } from "@/lib/geo/countries";
import type { Locale } from "@/lib/i18n/locale";
import { getNetworkSummary, listPartners } from "./queries";
import type { NetworkFilters, PartnerSort } from "./schemas";

type Actor = { id: string; email: string };

/**
 * Everything "Our network" shows: one page of partners (filtered and sorted
 * from the URL), the summary by tie and country with the partners drawn in
 * the picture, and the countries the country filter offers.
 */
export async function getNetworkPage(
  input: {
    orgSlug: string;
    page: number;
    perPage: number;
    sort: { id: PartnerSort; desc: boolean } | null;
    filters: NetworkFilters;
    locale: Locale;
  },
  ctx: { actor: Actor },
) {
  const { filters, locale } = input;
  const partners = await listPartners(
    {
      orgSlug: input.orgSlug,
      page: input.page,
      perPage: input.perPage,
      sort: input.sort,
      tie: filters.tie,
      country: filters.country,
      includeEnded: filters.includeEnded,
      locale,
    },
    ctx,
  );
  const summary = await getNetworkSummary({ orgSlug: input.orgSlug, locale }, ctx);
  const countries = summary.byCountry.map((c) => ({ code: c.country, name: c.countryName }));
  // A chosen country with no active partner (only ended ones) stays selectable.
  if (filters.country && !countries.some((c) => c.code === filters.country)) {
    countries.push({ code: filters.country, name: countryName(filters.country, locale) });
  }
  countries.sort((a, b) => a.name.localeCompare(b.name, locale));
  const isFiltered = Boolean(filters.tie || filters.country);
  return {
    ...partners,
    summary,
    countries,
    isFiltered,
    /** No partnership at all (active or ended): the page shows where to find partners instead. */
    hasNoPartners: summary.total === 0 && summary.ended === 0,
    canSend: can(partners.membership.role, "requests:send"),
  };
}
