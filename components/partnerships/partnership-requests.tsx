import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";

import type { PartnershipView } from "@/lib/partnerships/queries";

/** The cooperation requests between the two organisations that built this partnership. */
export function PartnershipRequests({ requests, orgSlug }: { requests: PartnershipView["requests"]; orgSlug: string }) {
  const t = useTranslations("Partnership");
  const format = useFormatter();

  return (
    <section aria-labelledby="requests-title" className="flex flex-col gap-3">
      <h2 id="requests-title" className="text-lg font-semibold text-ink">
        {t("requestsTitle")}
      </h2>
      {requests.length === 0 ? (
        <p className="text-sm text-muted">{t("requestsEmpty")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line rounded-card border border-line bg-surface shadow-xs">
          {requests.map((request) => (
            <li key={request.id} className="flex flex-col gap-1 px-4 py-3">
              <Link
                href={`/o/${orgSlug}/requests/${request.id}`}
                className="font-medium break-words text-brand-800 underline-offset-2 hover:underline"
              >
                {request.subject}
              </Link>
              <p className="text-sm text-muted">
                {request.direction === "sent" ? t("requestSent") : t("requestReceived")} ·{" "}
                {t(`requestKind.${request.kind}`)} · {t(`requestStatus.${request.status}`)} ·{" "}
                <time dateTime={request.createdAt.toISOString()}>{format.dateTime(request.createdAt, { dateStyle: "medium" })}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
