import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";

import { LinkifiedText } from "@/components/accounts/linkified-text";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listMailbox } from "@/lib/mail/mailbox";
import { cn } from "@/lib/utils/cn";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Mailbox");
  return { title: t("title"), robots: { index: false } };
}

const statusStyles = {
  PENDING: "border-amber-200 bg-amber-50 text-amber-900",
  SENT: "border-emerald-200 bg-emerald-50 text-emerald-900",
  FAILED: "border-red-200 bg-red-50 text-red-900",
} as const;

/** The outbox, for local work without SMTP: only exists when lib/mail/mailbox.ts says so. */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { to: rawTo } = await searchParams;
  const to = typeof rawTo === "string" && rawTo.trim() !== "" ? rawTo.trim().slice(0, 254) : undefined;
  const emails = await listMailbox({ to, limit: 100 });
  if (emails === null) notFound();

  const t = await getTranslations("Mailbox");
  const format = await getFormatter();

  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-6 px-4 py-10 sm:px-6 sm:py-14">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 max-w-2xl text-pretty text-muted">{t("lead")}</p>
      </header>

      <form method="get" action="/dev/mailbox" className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex flex-1 flex-col gap-1.5">
          <label htmlFor="mailbox-to" className="text-sm font-medium text-ink">
            {t("filterLabel")}
          </label>
          <input
            id="mailbox-to"
            name="to"
            type="search"
            defaultValue={to ?? ""}
            placeholder={t("filterPlaceholder")}
            maxLength={254}
            className="block h-10 w-full rounded-lg border border-line-strong bg-surface px-3 text-base text-ink shadow-xs sm:text-sm"
          />
        </div>
        <Button type="submit" variant="secondary">
          {t("filterSubmit")}
        </Button>
        {to ? (
          <Link href="/dev/mailbox" className={buttonClasses({ variant: "ghost" })}>
            {t("clearFilter")}
          </Link>
        ) : null}
      </form>

      {emails.length === 0 ? (
        <EmptyState title={to ? t("emptyFiltered", { to }) : t("empty")} />
      ) : (
        <>
          <p className="text-sm text-muted">{t("count", { count: emails.length })}</p>
          <ol aria-label={t("listLabel")} className="flex flex-col gap-4">
            {emails.map((email) => (
              <li key={email.id}>
                <article
                  aria-labelledby={`mail-${email.id}`}
                  className="rounded-card border border-line bg-surface p-5 shadow-xs"
                >
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <h2 id={`mail-${email.id}`} className="text-base font-semibold text-ink">
                      {email.subject}
                    </h2>
                    <span className={cn("rounded-full border px-2.5 py-0.5 text-xs font-medium", statusStyles[email.status])}>
                      <span className="sr-only">{t("status")}: </span>
                      {t(`statuses.${email.status}`)}
                    </span>
                  </div>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                    <dt className="text-muted">{t("to")}</dt>
                    <dd className="break-all text-ink">{email.toEmail}</dd>
                    <dt className="text-muted">{t("sentAt")}</dt>
                    <dd className="text-ink">
                      <time dateTime={email.createdAt.toISOString()}>
                        {format.dateTime(email.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
                      </time>
                    </dd>
                  </dl>
                  <LinkifiedText
                    text={email.text}
                    className="mt-4 rounded-lg border border-line bg-canvas p-4 font-mono text-sm whitespace-pre-wrap text-ink"
                  />
                </article>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
