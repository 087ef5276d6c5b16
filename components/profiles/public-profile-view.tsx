import Image from "next/image";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import type { PublicProfilePage } from "@/lib/profiles/public-profile-page";
import { cn } from "@/lib/utils/cn";

/** Only http(s) links reach the page, even if a bad value got into the database some other way. */
function safeHttpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

const labelTone = {
  BRONZE: "border-amber-300 bg-amber-50 text-amber-900",
  SILVER: "border-slate-300 bg-slate-50 text-slate-800",
  GOLD: "border-yellow-300 bg-yellow-50 text-yellow-900",
} as const;

const MEMBER_KINDS = [
  ["membersSme", "sme"],
  ["membersLarge", "large"],
  ["membersResearch", "research"],
  ["membersUniversity", "university"],
  ["membersPublic", "public"],
  ["membersOther", "other"],
] as const;

function Card({ title, children, className }: { title: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={cn("rounded-card border border-line bg-surface p-5 shadow-xs sm:p-6", className)}>
      <h2 className="text-base font-semibold text-ink">{title}</h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

function Chips({ items, tone = "brand" }: { items: { key: string; label: string }[]; tone?: "brand" | "plain" }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {items.map((item) => (
        <li
          key={item.key}
          className={cn(
            "rounded-full border px-3 py-1 text-sm",
            tone === "brand" ? "border-brand-200 bg-brand-50 text-brand-900" : "border-line bg-canvas text-ink",
          )}
        >
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * The public profile of a published cluster. Every value written by users
 * is rendered as React text (escaped); nothing here sets HTML.
 */
export async function PublicProfileView({ data }: { data: PublicProfilePage }) {
  const t = await getTranslations("PublicProfile");
  const tf = await getTranslations("ProfileFields");
  const p = data.profile;
  const website = safeHttpUrl(p.website);
  const place = [p.city, p.region, data.country.name].filter(Boolean).join(", ");
  const members = MEMBER_KINDS.map(([field, kind]) => ({ kind, count: p[field] }));
  const memberTotal = members.reduce((sum, m) => sum + m.count, 0);
  const largestGroup = Math.max(1, ...members.map((m) => m.count));
  const level = p.internationalisationLevel;

  return (
    <article className="mx-auto flex max-w-6xl flex-col gap-8 px-4 py-8 sm:px-6 sm:py-10">
      <header className="flex flex-col gap-5 sm:flex-row sm:items-center">
        <div className="flex size-24 shrink-0 items-center justify-center overflow-hidden rounded-2xl border border-line bg-surface sm:size-28">
          {data.logoPath ? (
            <Image
              src={data.logoPath}
              alt={t("logoAlt", { name: data.name })}
              width={112}
              height={112}
              unoptimized
              priority
              className="size-full object-contain"
            />
          ) : (
            <span aria-hidden="true" className="text-3xl font-semibold text-brand-700">
              {(p.acronym ?? data.name).slice(0, 2).toLocaleUpperCase()}
            </span>
          )}
        </div>
        <div className="min-w-0">
          <p className="text-sm font-medium text-brand-700">
            <Link href="/clusters" className="hover:underline">
              {t("breadcrumb")}
            </Link>
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-balance break-words text-ink sm:text-3xl">
            {data.name}
            {p.acronym ? <span className="ms-2 text-lg font-medium text-muted sm:text-xl">({p.acronym})</span> : null}
          </h1>
          <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-muted">
            {p.label !== "NONE" ? (
              <span className={cn("inline-flex items-center rounded-full border px-2.5 py-0.5 text-xs font-semibold", labelTone[p.label])}>
                {tf(`labelBadge.${p.label}`)}
              </span>
            ) : null}
            <span>{place}</span>
            {p.yearFounded ? <span>{t("founded", { year: String(p.yearFounded) })}</span> : null}
            {website ? (
              <a href={website} rel="noopener nofollow ugc" target="_blank" className="font-medium text-brand-700 underline underline-offset-4 hover:text-brand-900">
                {t("website")}
              </a>
            ) : null}
          </div>
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <div className="flex min-w-0 flex-col gap-6">
          <Card title={t("about")}>
            {data.description.text.trim() ? (
              <>
                {data.description.isFallback ? (
                  <p className="mb-3 rounded-lg bg-canvas px-3 py-2 text-sm text-muted">
                    {data.description.language === "ru" ? t("fallbackFromRu") : t("fallbackFromEn")}
                  </p>
                ) : null}
                <p lang={data.description.language} className="text-pretty break-words whitespace-pre-line text-ink" data-testid="profile-description">
                  {data.description.text}
                </p>
              </>
            ) : (
              <p className="text-muted">{t("noDescription")}</p>
            )}
          </Card>

          {p.offers || p.seeks ? (
            <div className="grid gap-6 md:grid-cols-2">
              {p.offers ? (
                <Card title={t("offers")}>
                  <p className="break-words whitespace-pre-line text-ink">{p.offers}</p>
                </Card>
              ) : null}
              {p.seeks ? (
                <Card title={t("seeks")}>
                  <p className="break-words whitespace-pre-line text-ink">{p.seeks}</p>
                </Card>
              ) : null}
            </div>
          ) : null}

          {data.ecosystems.length + data.sectors.length + data.keywords.length + p.tags.length > 0 ? (
            <section className="flex flex-col gap-5 rounded-card border border-line bg-surface p-5 shadow-xs sm:p-6">
              {data.ecosystems.length > 0 ? (
                <div>
                  <h2 className="mb-2 text-base font-semibold text-ink">{t("ecosystems")}</h2>
                  <Chips items={data.ecosystems.map((o) => ({ key: o.code, label: o.label }))} />
                </div>
              ) : null}
              {data.sectors.length > 0 ? (
                <div>
                  <h2 className="mb-2 text-base font-semibold text-ink">{t("sectors")}</h2>
                  <Chips items={data.sectors.map((o) => ({ key: o.code, label: `${o.code} · ${o.label}` }))} />
                </div>
              ) : null}
              {data.keywords.length > 0 ? (
                <div>
                  <h2 className="mb-2 text-base font-semibold text-ink">{t("keywords")}</h2>
                  <Chips items={data.keywords.map((o) => ({ key: o.code, label: o.label }))} />
                </div>
              ) : null}
              {p.tags.length > 0 ? (
                <div>
                  <h2 className="mb-2 text-base font-semibold text-ink">{t("tags")}</h2>
                  <Chips tone="plain" items={p.tags.map((tag) => ({ key: tag, label: `#${tag}` }))} />
                </div>
              ) : null}
            </section>
          ) : null}

          {p.supportProgrammes ? (
            <Card title={t("support")}>
              <p className="break-words whitespace-pre-line text-ink">{p.supportProgrammes}</p>
            </Card>
          ) : null}
        </div>

        <aside className="flex flex-col gap-6">
          <Card title={t("members")}>
            <p className="text-2xl font-semibold text-ink">{t("membersTotal", { count: memberTotal })}</p>
            {memberTotal > 0 ? (
              <table className="mt-3 w-full text-sm">
                <caption className="sr-only">{t("membersChart")}</caption>
                <tbody>
                  {members
                    .filter((m) => m.count > 0)
                    .map((m) => (
                      <tr key={m.kind}>
                        <th scope="row" className="py-1 pe-3 text-start font-normal text-muted">
                          {tf(`memberKinds.${m.kind}`)}
                        </th>
                        <td className="w-full py-1">
                          <div className="flex items-center gap-2">
                            <span aria-hidden="true" className="h-2 rounded-full bg-brand-500" style={{ width: `${Math.max(4, (m.count / largestGroup) * 100)}%` }} />
                            <span className="font-medium text-ink tabular-nums">{m.count}</span>
                          </div>
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            ) : null}
            {p.managementFte > 0 ? (
              <p className="mt-3 text-sm text-muted">
                {t("managementFte")}: <span className="font-medium text-ink">{t("fte", { fte: String(p.managementFte) })}</span>
              </p>
            ) : null}
          </Card>

          {level !== null || data.targetCountries.length > 0 ? (
            <Card title={t("internationalisation")}>
              {level !== null && level >= 1 && level <= 4 ? (
                <div>
                  <p className="text-sm font-semibold text-ink">
                    {tf("levelOf", { level })}: {tf(`levels.level${level as 1 | 2 | 3 | 4}.title`)}
                  </p>
                  <p className="mt-1 text-sm text-muted">{tf(`levels.level${level as 1 | 2 | 3 | 4}.description`)}</p>
                </div>
              ) : null}
              {data.targetCountries.length > 0 ? (
                <div className={cn(level !== null && "mt-4")}>
                  <h3 className="mb-2 text-sm font-semibold text-ink">{t("targets")}</h3>
                  <Chips tone="plain" items={data.targetCountries.map((c) => ({ key: c.code, label: c.name }))} />
                </div>
              ) : null}
            </Card>
          ) : null}

          {p.contactName || p.contactEmail ? (
            <Card title={t("contact")}>
              <div className="flex flex-col gap-1 text-sm">
                {p.contactName ? <p className="font-medium text-ink">{p.contactName}</p> : null}
                {p.contactRole ? <p className="text-muted">{p.contactRole}</p> : null}
                {p.contactEmail ? (
                  <p>
                    <span className="sr-only">{t("email")}: </span>
                    <a href={`mailto:${p.contactEmail}`} className="break-all text-brand-700 underline underline-offset-4 hover:text-brand-900">
                      {p.contactEmail}
                    </a>
                  </p>
                ) : null}
              </div>
            </Card>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
