"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";

import type { ProfileEditorPage } from "@/lib/profiles/editor-page";
import type { TProfileSchema } from "@/lib/profiles/schemas";
import { LogoUploader } from "./logo-uploader";
import { ProfileChecklist } from "./profile-checklist";
import { PROFILE_SECTIONS, ProfileForm, type ProfileFormOptions } from "./profile-form";
import { ProfileStatusBanner } from "./profile-status-banner";
import { SubmitForReview } from "./submit-for-review";

/** The form's starting values from the saved profile; codes retired from a taxonomy are dropped (they could not be saved again). */
function toFormValues(data: ProfileEditorPage, options: ProfileFormOptions): TProfileSchema {
  const { profile: p, organization: org } = data;
  const known = (codes: string[], choices: { value: string }[]) => codes.filter((code) => choices.some((c) => c.value === code));
  return {
    orgSlug: org.slug,
    version: p.version,
    // A name or country waiting for review is what the editors asked for last: edit from there.
    name: p.pendingName ?? org.name,
    country: p.pendingCountry ?? org.country,
    acronym: p.acronym ?? "",
    region: p.region ?? "",
    city: p.city ?? "",
    latitude: p.latitude ?? "",
    longitude: p.longitude ?? "",
    yearFounded: p.yearFounded ?? "",
    website: p.website ?? "",
    contactName: p.contactName ?? "",
    contactRole: p.contactRole ?? "",
    contactEmail: p.contactEmail ?? "",
    descriptionEn: p.descriptionEn,
    descriptionRu: p.descriptionRu,
    offers: p.offers,
    seeks: p.seeks,
    ecosystems: known(p.ecosystems, options.ecosystems),
    sectors: known(p.sectors, options.sectors),
    keywords: known(p.keywords, options.keywords),
    tags: p.tags,
    membersSme: p.membersSme,
    membersLarge: p.membersLarge,
    membersResearch: p.membersResearch,
    membersUniversity: p.membersUniversity,
    membersPublic: p.membersPublic,
    membersOther: p.membersOther,
    managementFte: p.managementFte,
    label: p.label,
    targetCountries: p.targetCountries,
    internationalisationLevel: p.internationalisationLevel === null ? "" : String(p.internationalisationLevel),
    supportProgrammes: p.supportProgrammes,
  };
}

/**
 * The profile editor: where the profile stands, the form, the logo, ECCP's
 * checklist and (for owners) "Submit for review". Members who may not edit
 * see the same page read-only.
 */
export function ProfileEditor({ data }: { data: ProfileEditorPage }) {
  const t = useTranslations("ProfileEditor");
  const ts = useTranslations("SubmitForReview");
  const [hasUnsavedChanges, setHasUnsavedChanges] = useState(false);
  const onDirtyChange = useCallback((isDirty: boolean) => setHasUnsavedChanges(isDirty), []);
  const { profile, organization } = data;

  const options = useMemo<ProfileFormOptions>(
    () => ({
      ecosystems: data.taxonomies.ecosystem.map((o) => ({ value: o.code, label: o.label })),
      sectors: data.taxonomies.sector.map((o) => ({ value: o.code, label: `${o.code} · ${o.label}` })),
      keywords: data.taxonomies.keyword.map((o) => ({ value: o.code, label: o.label })),
      countries: data.countries.map((c) => ({ value: c.code, label: c.name })),
    }),
    [data.taxonomies, data.countries],
  );
  // Computed once: a refresh after saving must not reset what the editor is typing.
  const [defaultValues] = useState(() => toFormValues(data, options));
  const countryName = (code: string | null) => (code ? (data.countries.find((c) => c.code === code)?.name ?? code) : null);

  return (
    <div className="flex flex-col gap-6">
      <ProfileStatusBanner
        status={profile.status}
        rejectionReason={profile.rejectionReason}
        publicUrl={`/clusters/${organization.slug}`}
        publicName={organization.name}
        publicCountryName={countryName(organization.country) ?? organization.country}
        pendingName={profile.pendingName}
        pendingCountryName={countryName(profile.pendingCountry)}
      />
      {data.canEdit ? null : <p className="rounded-card border border-line bg-surface px-4 py-3 text-sm text-muted">{t("readOnly")}</p>}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <aside className="flex flex-col gap-6 lg:order-2">
          <div className="rounded-card border border-line bg-surface p-5 shadow-xs">
            <LogoUploader orgSlug={organization.slug} orgName={organization.name} logoUrl={data.logoUrl} canEdit={data.canEdit} />
          </div>
          <div className="flex flex-col gap-5 rounded-card border border-line bg-surface p-5 shadow-xs">
            <ProfileChecklist checklist={data.checklist} />
            {data.canSubmit ? (
              <SubmitForReview orgSlug={organization.slug} isResubmit={profile.status === "REJECTED"} hasUnsavedChanges={hasUnsavedChanges} />
            ) : profile.status === "DRAFT" || profile.status === "REJECTED" ? (
              <p className="text-sm text-muted">{ts("ownerOnly")}</p>
            ) : null}
          </div>
        </aside>

        <div className="flex min-w-0 flex-col gap-6 lg:order-1">
          <nav aria-label={t("sectionNav")} className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
            <ul className="flex gap-2 pb-1">
              {PROFILE_SECTIONS.map((section) => (
                <li key={section}>
                  <a
                    href={`#${section}`}
                    className="inline-flex h-8 items-center rounded-full border border-line bg-surface px-3 text-sm whitespace-nowrap text-muted hover:border-brand-300 hover:text-brand-800"
                  >
                    {t(`sections.${section}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <ProfileForm
            defaultValues={defaultValues}
            options={options}
            canEdit={data.canEdit}
            lastSaved={data.updatedByName ? { name: data.updatedByName, at: profile.updatedAt } : null}
            onDirtyChange={onDirtyChange}
          />
        </div>
      </div>
    </div>
  );
}
