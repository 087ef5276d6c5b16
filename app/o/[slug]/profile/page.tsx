import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { ClientMessages } from "@/components/i18n/client-messages";
import { PageHeader } from "@/components/orgs/page-header";
import { ProfileEditor } from "@/components/profiles/profile-editor";
import { requireUser } from "@/lib/auth/session";
import { loadOrNotFound } from "@/lib/orgs/page-errors";
import { getProfileEditorPage } from "@/lib/profiles/editor-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ProfileEditor");
  return { title: t("metaTitle") };
}

export default async function ProfileEditorPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/o/${slug}/profile`);
  const locale = await getLocale();
  const data = await loadOrNotFound(() => getProfileEditorPage({ orgSlug: slug, locale }, { actor: user }));
  const t = await getTranslations("ProfileEditor");

  return (
    <ClientMessages
      namespaces={[
        "ProfileEditor", "ProfileFields", "ProfileStatus", "ProfileChecklist", "SubmitForReview", "LogoUploader",
        "profiles", "Common", "orgs.name", "orgs.slug", "orgs.country", "orgs.invitations.invalid", "auth.email",
        "errors.invalidField", "errors.generic",
      ]}
    >
      <PageHeader title={t("title")} lead={t("lead")} />
      <ProfileEditor data={data} />
    </ClientMessages>
  );
}
