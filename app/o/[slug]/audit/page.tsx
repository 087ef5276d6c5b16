import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { ClientMessages } from "@/components/i18n/client-messages";
import { AuditTable } from "@/components/orgs/audit-table";
import { NotAllowed } from "@/components/orgs/not-allowed";
import { PageHeader } from "@/components/orgs/page-header";
import { parseTableState } from "@/components/ui/data-table-state";
import { requireUser } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/orgs/members";
import { loadOrForbidden } from "@/lib/orgs/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrgAudit");
  return { title: t("metaTitle") };
}

export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const user = await requireUser(`/o/${slug}/audit`);
  const { page, perPage } = parseTableState(await searchParams, { sortable: [] });
  const result = await loadOrForbidden(() => listAuditEvents({ orgSlug: slug, page, perPage }, { actor: user }));
  const t = await getTranslations("OrgAudit");

  if (result.forbidden) {
    return (
      <>
        <PageHeader title={t("title")} />
        <NotAllowed title={t("notAllowedTitle")} description={t("notAllowedDescription")} />
      </>
    );
  }
  const { membership, ...events } = result.value;

  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <ClientMessages namespaces={["OrgAudit", "AuditActions", "orgs.roles", "DataTable", "EmptyState"]}>
        <Suspense>
          <AuditTable orgName={membership.organization.name} {...events} />
        </Suspense>
      </ClientMessages>
    </>
  );
}
