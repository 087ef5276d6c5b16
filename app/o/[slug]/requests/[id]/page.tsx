import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";

import { ClientMessages } from "@/components/i18n/client-messages";
import { RequestActions } from "@/components/requests/request-actions";
import { RequestReplyForm } from "@/components/requests/request-reply-form";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { RefreshWhenSeen } from "@/components/requests/refresh-when-seen";
import { RequestThread } from "@/components/requests/request-thread";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/session";
import { countryName } from "@/lib/geo/countries";
import { loadOrNotFound } from "@/lib/orgs/page-errors";
import { getRequest } from "@/lib/requests/get-request";

type Props = { params: Promise<{ slug: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  // The subject is not put in the title: it would need a second lookup, and
  // titles end up in browser history shared with others.
  const t = await getTranslations("Requests");
  return { title: t("metaTitle") };
}

/** One request, for either of its two organisations (anyone else gets a 404): status, thread, answers. */
export default async function RequestPage({ params }: Props) {
  const { slug, id } = await params;
  const user = await requireUser(`/o/${slug}/requests/${id}`);
  const data = await loadOrNotFound(() => getRequest({ orgSlug: slug, requestId: id }, { actor: user }));
  const t = await getTranslations("RequestPage");
  const kinds = await getTranslations("requests.kinds");
  const format = await getFormatter();
  const locale = await getLocale();
  const { request, actions, other, us } = data;
  const base = `/o/${us.slug}`;
  const canWriteSomething = actions.canReply || actions.canAccept || actions.canDecline || actions.canWithdraw;
  const isClosed = request.status === "DECLINED" || request.status === "WITHDRAWN" || request.status === "EXPIRED";

  return (
    <ClientMessages
      namespaces={[
        "RequestPage", "requests.kind", "requests.subject", "requests.message", "requests.reason",
        "requests.errors.invalidId", "Common", "Dialog", "errors.invalidField",
      ]}
    >
      <RefreshWhenSeen wasUnread={data.wasUnread} />
      <div className="flex flex-col gap-4">
        <p className="text-sm">
          <Link href={data.side === "receiver" ? `${base}/requests` : `${base}/requests?box=sent`} className="font-medium text-brand-700 hover:underline">
            ← {t("back")}
          </Link>
        </p>
        <header className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-3">
              <RequestStatusBadge status={request.status} className="text-sm" />
              <span className="text-sm text-muted">{kinds(request.kind)}</span>
            </div>
            <h1 className="mt-2 text-2xl font-semibold tracking-tight text-balance break-words text-ink sm:text-3xl">{request.subject}</h1>
            <p className="mt-2 text-muted">
              {data.side === "receiver" ? t("from") : t("to")}:{" "}
              <Link href={`/clusters/${other.slug}`} className="font-medium text-brand-700 hover:underline">
                {other.name}
              </Link>{" "}
              · {countryName(other.country, locale)}
            </p>
            <div className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-muted">
              <p>
                {t("sentOn")}: <span className="text-ink">{format.dateTime(request.createdAt, { dateStyle: "long" })}</span>
              </p>
              {request.status === "OPEN" && request.respondedAt === null ? (
                <p>{t("expiresOn", { date: format.dateTime(request.expiresAt, { dateStyle: "long" }) })}</p>
              ) : null}
            </div>
          </div>
          <RequestActions orgSlug={us.slug} requestId={request.id} otherName={other.name} actions={actions} />
        </header>
      </div>

      {request.partnershipId ? (
        <Alert variant="success" title={t("partnersBanner")}>
          <Link href={`${base}/partnerships/${request.partnershipId}`} className="font-medium underline underline-offset-4">
            {t("partnershipLink")}
          </Link>
        </Alert>
      ) : null}

      <RequestThread data={data} />

      {actions.canReply ? (
        <RequestReplyForm orgSlug={us.slug} requestId={request.id} />
      ) : isClosed ? (
        <Alert variant="info">{t("closedNotice")}</Alert>
      ) : !canWriteSomething ? (
        <Alert variant="info">{t("readOnlyNotice")}</Alert>
      ) : null}
    </ClientMessages>
  );
}
