"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { useForm, useWatch } from "react-hook-form";

import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { createOrganizationAction } from "@/lib/orgs/actions";
import { ZCreateOrganizationSchema, type TCreateOrganizationSchema } from "@/lib/orgs/schemas";
import { slugify } from "@/lib/orgs/slug";
import { ActionError } from "@/components/ui/alert";
import { useServerAction, useZodMessage } from "./use-server-action";

/** Name, country and web address; the address follows the name until the user edits it. */
export function CreateOrganizationForm({ countries }: { countries: { code: string; name: string }[] }) {
  const t = useTranslations("OrgCreate");
  const zodMessage = useZodMessage();
  const { run, isPending, error, fieldErrors } = useServerAction();
  const isSlugEdited = useRef(false);
  const form = useForm<TCreateOrganizationSchema>({
    resolver: zodResolver(ZCreateOrganizationSchema),
    defaultValues: { name: "", country: "", slug: "" },
  });
  const { errors } = form.formState;
  const slug = useWatch({ control: form.control, name: "slug" });

  const nameField = form.register("name");
  const slugField = form.register("slug");

  const onSubmit = form.handleSubmit((values) => run(() => createOrganizationAction(values)));

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ActionError message={error} />
      <Field label={t("name")} error={fieldErrors.name ?? zodMessage(errors.name?.message)} isRequired>
        <Input
          autoComplete="organization"
          maxLength={150}
          {...nameField}
          onChange={(event) => {
            void nameField.onChange(event);
            if (!isSlugEdited.current) {
              form.setValue("slug", slugify(event.target.value), { shouldValidate: form.formState.isSubmitted });
            }
          }}
        />
      </Field>
      <Field label={t("country")} error={fieldErrors.country ?? zodMessage(errors.country?.message)} isRequired>
        <Select
          placeholder={t("countryPlaceholder")}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
          {...form.register("country")}
        />
      </Field>
      <Field
        label={t("slug")}
        description={t("slugDescription", { slug: slug || "…" })}
        error={fieldErrors.slug ?? zodMessage(errors.slug?.message)}
        isRequired
      >
        <Input
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={60}
          {...slugField}
          onChange={(event) => {
            void slugField.onChange(event);
            // Emptying the field hands it back to the name.
            isSlugEdited.current = event.target.value !== "";
          }}
        />
      </Field>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Link href="/orgs" className={buttonClasses({ variant: "secondary" })}>
          {t("cancel")}
        </Link>
        <Button type="submit" isLoading={isPending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
