"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { updateOrganizationAction } from "@/lib/orgs/actions";
import { ZUpdateOrganizationSchema, type TUpdateOrganizationSchema } from "@/lib/orgs/schemas";
import { ActionError } from "@/components/ui/alert";
import { useServerAction, useZodMessage } from "./use-server-action";

/** Name, country and web address; a new address moves the page there (the action redirects). */
export function OrganizationSettingsForm({
  org,
  countries,
}: {
  org: { slug: string; name: string; country: string };
  countries: { code: string; name: string }[];
}) {
  const t = useTranslations("OrgSettings");
  const zodMessage = useZodMessage();
  const { toast } = useToast();
  const { run, isPending, error, fieldErrors } = useServerAction();
  const form = useForm<TUpdateOrganizationSchema>({
    resolver: zodResolver(ZUpdateOrganizationSchema),
    values: { orgSlug: org.slug, name: org.name, country: org.country, slug: org.slug },
  });
  const { errors } = form.formState;
  const slug = useWatch({ control: form.control, name: "slug" });

  const onSubmit = form.handleSubmit((values) =>
    run(
      () => updateOrganizationAction(values),
      () => toast({ title: t("saved"), variant: "success" }),
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ActionError message={error} />
      <Field label={t("name")} error={fieldErrors.name ?? zodMessage(errors.name?.message)} isRequired>
        <Input autoComplete="organization" maxLength={150} {...form.register("name")} />
      </Field>
      <Field label={t("country")} error={fieldErrors.country ?? zodMessage(errors.country?.message)} isRequired>
        <Select options={countries.map((c) => ({ value: c.code, label: c.name }))} {...form.register("country")} />
      </Field>
      <Field
        label={t("slug")}
        description={t("slugDescription", { slug: slug || "…" })}
        error={fieldErrors.slug ?? zodMessage(errors.slug?.message)}
        isRequired
      >
        <Input autoCapitalize="none" autoCorrect="off" spellCheck={false} maxLength={60} {...form.register("slug")} />
      </Field>
      <div>
        <Button type="submit" isLoading={isPending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
