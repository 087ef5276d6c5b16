import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { cn } from "@/lib/utils/cn";
import type { getPlatformOverview } from "@/lib/admin/users";

type Overview = Awaited<ReturnType<typeof getPlatformOverview>>;

function Figure({
  label,
  value,
  detail,
  href,
  linkLabel,
  tone = "neutral",
}: {
  label: string;
  value: string;
  detail?: ReactNode;
  href?: string;
  linkLabel?: string;
  tone?: "neutral" | "danger";
}) {
  return (
    <div
      className={cn(
        "flex flex-col rounded-card border bg-surface p-5 shadow-xs",
        tone === "danger" ? "border-red-200" : "border-line",
      )}
    >
      <dt className="text-sm font-medium text-muted">{label}</dt>
      <dd className={cn("mt-2 text-3xl font-semibold tabular-nums", tone === "danger" ? "text-red-800" : "text-ink")}>
        {value}
      </dd>
      {detail ? <dd className="mt-1 text-sm text-muted">{detail}</dd> : null}
      {href && linkLabel ? (
        <dd className="mt-4">
          <Link href={href} className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
            {linkLabel}
          </Link>
        </dd>
      ) : null}
    </div>
  );
}

/** Counts of the platform and the administrators' latest actions. */
export async function PlatformOverview({ overview }: { overview: Overview }) {
  const t = await getTranslations("AdminOverview");
  const format = await getFormatter();
  const { counts, recentEvents } = overview;

  return (
    <div className="flex flex-col gap-10">
      <section aria-label={t("figuresLabel")}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Figure
            label={t("users")}
            value={format.number(counts.users)}
            detail={t("suspendedUsers", { count: counts.suspendedUsers })}
            href="/admin/users"
            linkLabel={t("manageUsers")}
          />
          <Figure
            label={t("organizations")}
            value={format.number(counts.organizations)}
            href="/admin/organizations"
            linkLabel={t("manageOrganizations")}
          />
          <Figure label={t("pendingEmails")} value={format.number(counts.pendingEmails)} detail={t("pendingEmailsHint")} />
          <Figure
            label={t("failedEmails")}
            value={format.number(counts.failedEmails)}
            detail={counts.failedEmails > 0 ? t("failedEmailsHint") : undefined}
            tone={counts.failedEmails > 0 ? "danger" : "neutral"}
          />
        </dl>
      </section>

      <section aria-labelledby="admin-recent-title">
        <h2 id="admin-recent-title" className="text-lg font-semibold text-ink">
          {t("recentTitle")}
        </h2>
        {recentEvents.length === 0 ? (
          <p className="mt-3 text-sm text-muted">{t("recentEmpty")}</p>
        ) : (
          <ol className="mt-3 divide-y divide-line rounded-card border border-line bg-surface shadow-xs">
            {recentEvents.map((event) => (
              <li key={event.id} className="flex flex-col gap-1 px-4 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
                <span className="text-ink">
                  {t("event", {
                    action: event.action === "user.suspended" ? "suspended" : "unsuspended",
                    actor: event.actorEmail ?? t("unknownActor"),
                    target: event.targetLabel ?? "—",
                  })}
                </span>
                <time dateTime={event.createdAt.toISOString()} className="whitespace-nowrap text-muted">
                  {format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
