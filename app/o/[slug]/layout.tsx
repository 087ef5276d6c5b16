import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { OrgSubNav, type OrgSubNavItem } from "@/components/orgs/org-sub-nav";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { findMembership } from "@/lib/orgs/membership";
import { countUnreadRequests } from "@/lib/requests/list-requests";

/**
 * Every page under /o/[slug]: the tenancy gate for the shell. A visitor who
 * is not a member sees Next's 404, exactly as for a slug that does not
 * exist; the pages below check again through their domain functions.
 */
export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/o/${slug}`);
  const membership = await findMembership({ userId: user.id, orgSlug: slug });
  if (!membership) notFound();
  const t = await getTranslations("OrgNav");
  const tr = await getTranslations("RequestsNav");
  const { organization, role } = membership;
  const base = `/o/${organization.slug}`;
  const unreadRequests = can(role, "requests:read") ? (await countUnreadRequests({ orgSlug: slug }, { actor: user })).total : 0;

  const items: OrgSubNavItem[] = [
    can(role, "org:read") && { href: base, label: t("overview"), isExact: true },
    // The cluster's public profile, edited by editors and above (app/o/[slug]/profile).
    can(role, "org:read") && { href: `${base}/profile`, label: t("profile") },
    can(role, "requests:read") && {
      href: `${base}/requests`,
      label: tr("requests"),
      ...(unreadRequests > 0 ? { badge: { count: unreadRequests, label: tr("unread", { count: unreadRequests }) } } : {}),
    },
    can(role, "requests:read") && { href: `${base}/network`, label: tr("network") },
    can(role, "requests:read") && { href: `${base}/recommendations`, label: tr("recommendations") },
    can(role, "members:read") && { href: `${base}/members`, label: t("members") },
    (can(role, "org:update") || can(role, "org:delete")) && { href: `${base}/settings`, label: t("settings") },
    can(role, "audit:read") && { href: `${base}/audit`, label: t("audit") },
  ].filter((item): item is OrgSubNavItem => Boolean(item));

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8 px-4 py-8 sm:px-6 sm:py-10">
      <div className="flex flex-col gap-4">
        <div>
          <p className="text-sm font-medium text-brand-700">{t("eyebrow")}</p>
          <p className="mt-1 text-xl font-semibold tracking-tight text-ink sm:text-2xl">{organization.name}</p>
        </div>
        <OrgSubNav label={t("label")} items={items} />
      </div>
      <div className="flex flex-col gap-8">{children}</div>
    </div>
  );
}
