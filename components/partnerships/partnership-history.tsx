import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";

import type { PartnershipView } from "@/lib/partnerships/queries";
import { cn } from "@/lib/utils/cn";

type HistoryEvent = PartnershipView["events"][number];

const DOT: Record<HistoryEvent["kind"], string> = {
  CREATED: "bg-tie-weak",
  REQUEST_ACCEPTED: "bg-tie-weak",
  RENEWED: "bg-tie-weak",
  RAISE_PROPOSED: "bg-amber-500",
  RAISE_CONFIRMED: "bg-tie-durable",
  RAISE_DECLINED: "bg-line-strong",
  RAISE_WITHDRAWN: "bg-line-strong",
  ENDED: "bg-red-700",
};

/**
 * The partnership's history, oldest first: the same events, in the same
 * words, for both organisations (the acting side is named, never "you").
 */
export function PartnershipHistory({ events, orgSlug }: { events: HistoryEvent[]; orgSlug: string }) {
  const t = useTranslations("Partnership");
  const format = useFormatter();

  return (
    <section aria-labelledby="history-title" className="flex flex-col gap-4">
      <h2 id="history-title" className="text-lg font-semibold text-ink">
        {t("historyTitle")}
      </h2>
      <ol aria-label={t("historyLabel")} className="relative flex flex-col gap-5 border-s border-line ps-6">
        {events.map((event) => {
          const org = event.orgName ?? t("unknownOrg");
          const tie = event.tie ?? "DURABLE";
          const hasReason = event.kind === "RAISE_DECLINED" || event.kind === "ENDED";
          return (
            <li key={event.id} className="relative" data-event={event.kind}>
              <span
                aria-hidden="true"
                className={cn("absolute top-1.5 -start-[1.9rem] size-3 rounded-full ring-4 ring-canvas", DOT[event.kind])}
              />
              <p className="text-ink">{t(`events.${event.kind}`, { org, tie })}</p>
              <p className="mt-0.5 text-sm text-muted">
                <time dateTime={event.createdAt.toISOString()}>
                  {format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>
                {event.actorName ? <> · {t("byActor", { name: event.actorName })}</> : null}
                {event.requestId ? (
                  <>
                    {" · "}
                    <Link href={`/o/${orgSlug}/requests/${event.requestId}`} className="text-brand-800 underline-offset-2 hover:underline">
                      {t("relatedRequest")}
                    </Link>
                  </>
                ) : null}
              </p>
              {event.description ? (
                <p className="mt-1.5 border-s-2 border-line-strong ps-3 text-sm whitespace-pre-line text-ink">
                  {hasReason ? t("reasonLabel", { reason: event.description }) : event.description}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
