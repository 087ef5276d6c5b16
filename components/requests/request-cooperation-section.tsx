import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { ClientMessages } from "@/components/i18n/client-messages";
import { buttonClasses } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/session";
import { listSendingOrganizations } from "@/lib/requests/sending-organizations";
import { RequestCooperationForm } from "./request-cooperation-form";

/**
 * The "Request cooperation" box under a public profile. Rendered inside
 * <Suspense> by the page, so the profile itself never waits for the
 * session or the user's organisations (read only when someone is signed in).
 */
export async function RequestCooperationSection({
  receiver,
  searchParams,
}: {
  receiver: { slug: string; name: string };
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations("RequestCooperation");
  const user = await getSessionUser();
  const box = (children: ReactNode, title: string) => (
    <section
      id="request-cooperation"
      aria-labelledby="request-cooperation-title"
      className="rounded-card border border-brand-200 bg-surface p-5 shadow-xs sm:p-6"
    >
      <h2 id="request-cooperation-title" className="text-lg font-semibold text-ink">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );

  if (!user) {
    const callbackUrl = encodeURIComponent(`/clusters/${receiver.slug}#request-cooperation`);
    return box(
      <>
        <p className="text-sm text-muted">{t("signInLead")}</p>
        <Link href={`/signin?callbackUrl=${callbackUrl}`} className={buttonClasses({ className: "mt-4" })}>
          {t("signIn")}
        </Link>
      </>,
      t("signInTitle", { org: receiver.name }),
    );
  }

  const { organizations, isReceiverMember } = await listSendingOrganizations({ receiverSlug: receiver.slug }, { actor: user });
  if (organizations.length === 0) {
    return box(<p className="text-sm text-muted">{isReceiverMember ? t("ownOrganization") : t("cannotDescription")}</p>, t("cannotTitle"));
  }

  const as = (await searchParams).as;
  const preselected = typeof as === "string" ? organizations.find((o) => o.slug === as) : undefined;
  return box(
    <>
      <p className="mb-4 text-sm text-muted">{t("lead", { org: receiver.name })}</p>
      <ClientMessages
        namespaces={[
          "RequestCooperation", "requests.kinds", "requests.kind", "requests.subject", "requests.message", "requests.reason",
          "requests.errors.invalidId", "Common", "errors.invalidField",
        ]}
      >
        <RequestCooperationForm receiver={receiver} organizations={organizations} defaultOrgSlug={(preselected ?? organizations[0]!).slug} />
      </ClientMessages>
    </>,
    t("title"),
  );
}
