import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { ClientMessages } from "@/components/i18n/client-messages";
import { InvitationsList } from "@/components/orgs/invitations-list";
import { InviteMemberForm } from "@/components/orgs/invite-member-form";
import { MembersTable } from "@/components/orgs/members-table";
import { PageHeader } from "@/components/orgs/page-header";
import { parseTableState } from "@/components/ui/data-table-state";
import { requireUser } from "@/lib/auth/session";
import { MEMBER_SORTS } from "@/lib/orgs/members";
import { getMembersPage } from "@/lib/orgs/members-page";
import { loadOrNotFound } from "@/lib/orgs/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrgMembers");
  return { title: t("metaTitle") };
}

export default async function MembersPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const user = await requireUser(`/o/${slug}/members`);
  const table = parseTableState(await searchParams, { sortable: MEMBER_SORTS });
  const result = await loadOrNotFound(() => getMembersPage({ orgSlug: slug, ...table }, { actor: user }));
  const t = await getTranslations("OrgMembers");
  const inv = await getTranslations("OrgInvitations");
  const org = { slug: result.membership.organization.slug, name: result.membership.organization.name };

  return (
    <ClientMessages
      namespaces={[
        "OrgMembers", "OrgInvitations", "orgs.roles", "DataTable", "EmptyState", "Dialog", "Common", "orgs.name",
        "orgs.slug", "orgs.country", "orgs.invitations.invalid", "auth.email", "errors.invalidField",
      ]}
    >
      <PageHeader title={t("title")} />
      <Suspense>
        <MembersTable
          org={org}
          data={result.data}
          total={result.total}
          page={result.page}
          perPage={result.perPage}
          totalPages={result.totalPages}
          sort={table.sort}
          assignableRoles={result.assignableRoles}
        />
      </Suspense>
      {result.invitations ? (
        <div className="grid gap-8 lg:grid-cols-2">
          <section aria-labelledby="invite-title" className="rounded-card border border-line bg-surface p-5 shadow-xs sm:p-6">
            <h2 id="invite-title" className="text-lg font-semibold text-ink">
              {inv("inviteTitle")}
            </h2>
            <p className="mt-1 mb-4 text-sm text-muted">{inv("inviteDescription")}</p>
            <InviteMemberForm orgSlug={org.slug} assignableRoles={result.assignableRoles} />
          </section>
          <section aria-labelledby="invitations-title" className="flex flex-col gap-3">
            <h2 id="invitations-title" className="text-lg font-semibold text-ink">
              {inv("title")}
            </h2>
            <InvitationsList orgSlug={org.slug} invitations={result.invitations} />
          </section>
        </div>
      ) : null}
    </ClientMessages>
  );
}
