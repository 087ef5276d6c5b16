"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useMemo, type ReactNode } from "react";
import { Controller, useForm, useWatch, type FieldErrors } from "react-hook-form";

import { ActionError } from "@/components/ui/alert";
import { useServerAction, useZodMessage } from "@/components/orgs/use-server-action";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { updateProfileAction } from "@/lib/profiles/actions";
import { ZProfileSchema, type ProfileInput, type TProfileSchema } from "@/lib/profiles/schemas";
import { CheckboxGroup, type ChoiceOption } from "./checkbox-group";
import { FieldError } from "./field-error";
import { FormSection } from "./form-section";
import { SearchableMultiSelect } from "./searchable-multi-select";
import { TagInput } from "./tag-input";

export const PROFILE_SECTIONS = [
  "identity",
  "location",
  "contact",
  "description",
  "classification",
  "offersNeeds",
  "members",
  "internationalisation",
  "support",
] as const;

const MEMBER_FIELDS = [
  ["membersSme", "sme"],
  ["membersLarge", "large"],
  ["membersResearch", "research"],
  ["membersUniversity", "university"],
  ["membersPublic", "public"],
  ["membersOther", "other"],
] as const;

const LABELS = ["NONE", "BRONZE", "SILVER", "GOLD"] as const;
const LEVELS = [1, 2, 3, 4] as const;
const DESCRIPTION_MAX = 5000;

export type ProfileFormOptions = {
  ecosystems: ChoiceOption[];
  sectors: ChoiceOption[];
  keywords: ChoiceOption[];
  countries: ChoiceOption[];
};

/** The first message of a client-side error, wherever react-hook-form put it (the field, an array item, the array's root). */
function clientMessage(errors: FieldErrors<TProfileSchema>, name: keyof TProfileSchema): string | undefined {
  const error = errors[name] as unknown;
  if (!error || typeof error !== "object") return undefined;
  const e = error as { message?: unknown; root?: { message?: unknown } } & Record<string, unknown>;
  if (typeof e.message === "string") return e.message;
  if (typeof e.root?.message === "string") return e.root.message;
  for (const item of Object.values(e)) {
    if (item && typeof item === "object" && typeof (item as { message?: unknown }).message === "string") {
      return (item as { message: string }).message;
    }
  }
  return undefined;
}

/**
 * The whole profile in sections, validated in the browser with the schema
 * the server action uses. The hidden `version` is the one this editor
 * started from: if someone saved in between, the server refuses the save
 * (nothing is overwritten) and the form says who saved, with a button to
 * load their version.
 */
export function ProfileForm({
  defaultValues,
  options,
  canEdit,
  lastSaved,
  onDirtyChange,
}: {
  defaultValues: TProfileSchema;
  options: ProfileFormOptions;
  canEdit: boolean;
  lastSaved: { name: string | null; at: Date } | null;
  onDirtyChange?: (isDirty: boolean) => void;
}) {
  const t = useTranslations("ProfileEditor");
  const tf = useTranslations("ProfileFields");
  const format = useFormatter();
  const zodMessage = useZodMessage();
  const router = useRouter();
  const { toast } = useToast();
  const { run, isPending, error, fieldErrors } = useServerAction();
  const form = useForm<TProfileSchema, unknown, ProfileInput>({
    resolver: zodResolver(ZProfileSchema),
    defaultValues,
  });
  const { errors, isDirty, submitCount, isSubmitSuccessful } = form.formState;
  const [descriptionEn, descriptionRu, version, ...memberCounts] = useWatch({
    control: form.control,
    name: ["descriptionEn", "descriptionRu", "version", ...MEMBER_FIELDS.map(([field]) => field)],
  });
  const memberTotal = useMemo(
    () => memberCounts.reduce<number>((sum, value) => sum + (Number.isFinite(Number(value)) ? Math.max(0, Number(value)) : 0), 0),
    [memberCounts],
  );

  useEffect(() => onDirtyChange?.(isDirty), [isDirty, onDirtyChange]);

  // register() alone leaves the server-rendered inputs empty until the page
  // hydrates; the default value makes the first paint show the saved profile.
  const field = (name: keyof TProfileSchema) => ({
    ...form.register(name),
    defaultValue: defaultValues[name] === null || defaultValues[name] === undefined ? "" : String(defaultValues[name]),
  });
  const initialLevel = String(defaultValues.internationalisationLevel ?? "");

  /** The server's message for a field (or one of its items), else the browser-side one. */
  const errorFor = (name: keyof TProfileSchema): string | undefined =>
    fieldErrors[name] ??
    Object.entries(fieldErrors).find(([key]) => key.startsWith(`${name}.`))?.[1] ??
    zodMessage(clientMessage(errors, name));

  const isConflict = Boolean(fieldErrors.version);
  const hasClientErrors = submitCount > 0 && !isSubmitSuccessful && Object.keys(errors).length > 0;

  const onSubmit = form.handleSubmit((values) =>
    run(
      () => updateProfileAction(values),
      (saved) => {
        // What was typed is now the saved state; the next save starts from the new version.
        form.reset({ ...form.getValues(), version: saved.version });
        toast({ title: saved.pendingReview ? t("savedPending") : t("saved", { version: saved.version }), variant: "success" });
        router.refresh();
      },
    ),
  );

  const text = (name: keyof TProfileSchema, label: ReactNode, control: ReactNode, extra: { description?: ReactNode; isRequired?: boolean } = {}) => (
    <Field label={label} error={errorFor(name)} description={extra.description} isRequired={extra.isRequired}>
      {control}
    </Field>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6" aria-label={t("title")}>
      <input type="hidden" {...field("version")} />
      {/* A disabled fieldset makes every control read-only for members who may not edit. */}
      <fieldset disabled={!canEdit} className="flex min-w-0 flex-col gap-6">
        <FormSection id="identity" title={t("sections.identity")} lead={t("sectionLeads.identity")}>
          {text("name", t("name"), <Input autoComplete="organization" maxLength={150} {...field("name")} />, {
            isRequired: true,
            description: t("nameDescription"),
          })}
          <div className="grid gap-5 sm:grid-cols-2">
            {text("acronym", t("acronym"), <Input maxLength={30} {...field("acronym")} />)}
            {text("yearFounded", t("yearFounded"), <Input type="number" inputMode="numeric" min={1800} step={1} {...field("yearFounded")} />)}
          </div>
          {text(
            "website",
            t("website"),
            <Input type="url" inputMode="url" autoComplete="url" placeholder="https://" maxLength={300} {...field("website")} />,
          )}
        </FormSection>

        <FormSection id="location" title={t("sections.location")} lead={t("sectionLeads.location")}>
          {text(
            "country",
            t("country"),
            <Select options={options.countries} {...field("country")} />,
            { isRequired: true },
          )}
          <div className="grid gap-5 sm:grid-cols-2">
            {text("region", t("region"), <Input maxLength={120} autoComplete="address-level1" {...field("region")} />)}
            {text("city", t("city"), <Input maxLength={120} autoComplete="address-level2" {...field("city")} />)}
          </div>
          <div className="flex flex-col gap-2">
            <p className="text-sm text-muted">{t("positionDescription")}</p>
            <div className="grid gap-5 sm:grid-cols-2">
              {text("latitude", t("latitude"), <Input inputMode="decimal" placeholder="55.6761" maxLength={20} {...field("latitude")} />)}
              {text("longitude", t("longitude"), <Input inputMode="decimal" placeholder="12.5683" maxLength={20} {...field("longitude")} />)}
            </div>
          </div>
        </FormSection>

        <FormSection id="contact" title={t("sections.contact")} lead={t("sectionLeads.contact")}>
          <div className="grid gap-5 sm:grid-cols-2">
            {text("contactName", t("contactName"), <Input maxLength={120} autoComplete="name" {...field("contactName")} />)}
            {text("contactRole", t("contactRole"), <Input maxLength={120} autoComplete="organization-title" {...field("contactRole")} />)}
          </div>
          {text("contactEmail", t("contactEmail"), <Input type="email" autoComplete="email" maxLength={254} {...field("contactEmail")} />)}
        </FormSection>

        <FormSection id="description" title={t("sections.description")} lead={t("sectionLeads.description")}>
          {text(
            "descriptionEn",
            t("descriptionEn"),
            <Textarea rows={8} lang="en" maxLength={DESCRIPTION_MAX} {...field("descriptionEn")} />,
            { description: t("characters", { count: String(descriptionEn ?? "").length, max: DESCRIPTION_MAX }) },
          )}
          {text(
            "descriptionRu",
            t("descriptionRu"),
            <Textarea rows={8} lang="ru" maxLength={DESCRIPTION_MAX} {...field("descriptionRu")} />,
            { description: t("characters", { count: String(descriptionRu ?? "").length, max: DESCRIPTION_MAX }) },
          )}
        </FormSection>

        <FormSection id="classification" title={t("sections.classification")} lead={t("sectionLeads.classification")}>
          <Controller
            control={form.control}
            name="ecosystems"
            render={({ field }) => (
              <CheckboxGroup
                legend={t("ecosystems")}
                description={t("ecosystemsDescription")}
                options={options.ecosystems}
                value={(field.value as string[] | undefined) ?? []}
                onChange={field.onChange}
                error={errorFor("ecosystems")}
              />
            )}
          />
          <Controller
            control={form.control}
            name="sectors"
            render={({ field }) => (
              <CheckboxGroup
                legend={t("sectors")}
                options={options.sectors}
                value={(field.value as string[] | undefined) ?? []}
                onChange={field.onChange}
                error={errorFor("sectors")}
              />
            )}
          />
          <Controller
            control={form.control}
            name="keywords"
            render={({ field }) => (
              <SearchableMultiSelect
                legend={t("keywords")}
                description={t("keywordsDescription")}
                searchLabel={t("keywordsSearch")}
                options={options.keywords}
                value={(field.value as string[] | undefined) ?? []}
                onChange={field.onChange}
                error={errorFor("keywords")}
              />
            )}
          />
          <Controller
            control={form.control}
            name="tags"
            render={({ field }) => (
              <TagInput
                legend={t("tags")}
                description={t("tagsDescription")}
                value={(field.value as string[] | undefined) ?? []}
                onChange={field.onChange}
                error={errorFor("tags")}
                disabled={!canEdit}
              />
            )}
          />
        </FormSection>

        <FormSection id="offersNeeds" title={t("sections.offersNeeds")} lead={t("sectionLeads.offersNeeds")}>
          {text("offers", t("offers"), <Textarea rows={4} maxLength={1000} placeholder={t("offersPlaceholder")} {...field("offers")} />)}
          {text("seeks", t("seeks"), <Textarea rows={4} maxLength={1000} placeholder={t("seeksPlaceholder")} {...field("seeks")} />)}
        </FormSection>

        <FormSection id="members" title={t("sections.members")} lead={t("sectionLeads.members")}>
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-1.5 text-sm font-medium text-ink">{t("membersCount")}</legend>
            <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
              {MEMBER_FIELDS.map(([name, kind]) => (
                <Field key={name} label={tf(`memberKinds.${kind}`)} error={errorFor(name)}>
                  <Input type="number" inputMode="numeric" min={0} step={1} {...field(name)} />
                </Field>
              ))}
            </div>
            <p className="text-sm font-medium text-ink" aria-live="polite">
              {t("membersTotal", { count: memberTotal })}
            </p>
          </fieldset>
          <div className="grid gap-5 sm:grid-cols-2">
            {text("managementFte", t("managementFte"), <Input inputMode="decimal" maxLength={10} {...field("managementFte")} />, {
              description: t("managementFteDescription"),
            })}
            {text(
              "label",
              t("label"),
              <Select options={LABELS.map((label) => ({ value: label, label: tf(`labels.${label}`) }))} {...field("label")} />,
              { description: t("labelDescription") },
            )}
          </div>
        </FormSection>

        <FormSection id="internationalisation" title={t("sections.internationalisation")} lead={t("sectionLeads.internationalisation")}>
          <Controller
            control={form.control}
            name="targetCountries"
            render={({ field }) => (
              <SearchableMultiSelect
                legend={t("targetCountries")}
                description={t("targetCountriesDescription")}
                searchLabel={t("targetSearch")}
                options={options.countries}
                value={(field.value as string[] | undefined) ?? []}
                onChange={field.onChange}
                error={errorFor("targetCountries")}
              />
            )}
          />
          <fieldset className="flex flex-col gap-3" aria-describedby="level-description">
            <legend className="mb-1.5 text-sm font-medium text-ink">{t("level")}</legend>
            <p id="level-description" className="text-sm text-muted">
              {t("levelDescription")}
            </p>
            <div className="flex flex-col gap-2">
              {LEVELS.map((level) => (
                <label
                  key={level}
                  className="flex cursor-pointer items-start gap-3 rounded-lg border border-line p-3 has-checked:border-brand-400 has-checked:bg-brand-50"
                >
                  <input
                    type="radio"
                    value={String(level)}
                    className="mt-1 size-4 accent-brand-700"
                    defaultChecked={initialLevel === String(level)}
                    {...form.register("internationalisationLevel")}
                  />
                  <span className="flex flex-col gap-0.5">
                    <span className="text-sm font-medium text-ink">
                      {tf("levelOf", { level })}: {tf(`levels.level${level}.title`)}
                    </span>
                    <span className="text-sm text-muted">{tf(`levels.level${level}.description`)}</span>
                  </span>
                </label>
              ))}
              <label className="flex cursor-pointer items-center gap-3 rounded-lg border border-line p-3 has-checked:border-brand-400 has-checked:bg-brand-50">
                <input type="radio" value="" className="size-4 accent-brand-700" defaultChecked={initialLevel === ""} {...form.register("internationalisationLevel")} />
                <span className="text-sm font-medium text-ink">{t("levelNone")}</span>
              </label>
            </div>
            <FieldError id="level-error">{errorFor("internationalisationLevel")}</FieldError>
          </fieldset>
        </FormSection>

        <FormSection id="support" title={t("sections.support")} lead={t("sectionLeads.support")}>
          {text(
            "supportProgrammes",
            t("supportProgrammes"),
            <Textarea rows={4} maxLength={1000} placeholder={t("supportProgrammesPlaceholder")} {...field("supportProgrammes")} />,
          )}
        </FormSection>
      </fieldset>

      {canEdit ? (
        // Stays in view at the bottom of the long form: the save button, the version and what went wrong.
        <div className="sticky bottom-0 z-10 -mx-4 border-t border-line bg-surface/95 px-4 py-3 shadow-[0_-4px_12px_-6px_rgb(0_0_0/0.12)] backdrop-blur sm:mx-0 sm:rounded-card sm:border">
          <div className="flex flex-col gap-3">
            <ActionError message={error} />
            {isConflict ? (
              <div>
                <Button variant="secondary" size="sm" onClick={() => window.location.reload()}>
                  {t("conflictReload")}
                </Button>
              </div>
            ) : null}
            {hasClientErrors && !error ? <p className="text-sm font-medium text-red-700">{t("fixErrors")}</p> : null}
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-sm text-muted">
                <span data-testid="profile-version">{t("version", { version: String(version ?? "") })}</span>
                {lastSaved?.name ? (
                  <span> · {t("lastSaved", { name: lastSaved.name, date: format.dateTime(lastSaved.at, { dateStyle: "medium", timeStyle: "short" }) })}</span>
                ) : null}
                {isDirty ? <span className="ms-2 font-medium text-amber-800">· {t("unsaved")}</span> : null}
              </p>
              <Button type="submit" isLoading={isPending}>
                {t("save")}
              </Button>
            </div>
          </div>
        </div>
      ) : null}
    </form>
  );
}
