"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { updateAccountAction } from "@/lib/accounts/actions";
import { ZUpdateAccountSchema, type TUpdateAccountSchema } from "@/lib/accounts/schemas";
import { setLocale } from "@/lib/i18n/actions";
import { localeNames, locales, type Locale } from "@/lib/i18n/locale";
import { Alert } from "@/components/ui/alert";
import { useActionSubmit, useErrorText } from "./use-action-form";

export function ProfileForm({ name, locale }: { name: string; locale: Locale }) {
  const t = useTranslations("Account.profile");
  const errorText = useErrorText();
  const router = useRouter();
  const { toast } = useToast();
  const form = useForm<TUpdateAccountSchema, unknown, z.output<typeof ZUpdateAccountSchema>>({
    resolver: zodResolver(ZUpdateAccountSchema),
    defaultValues: { name, locale },
  });
  const { errors, isSubmitting } = form.formState;
  const { formError, run } = useActionSubmit(form);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await run(() => updateAccountAction(values));
    if (!result?.ok) return;
    // The language cookie follows, so the choice also holds after signing out.
    if (values.locale !== locale) await setLocale({ locale: values.locale }).catch(() => undefined);
    form.reset(values);
    // The page comes back in the chosen language; the toast is read in the old one.
    toast({ title: t("saved"), variant: "success" });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {formError ? <Alert>{formError}</Alert> : null}
      <Field label={t("name")} error={errorText(errors.name)} isRequired>
        <Input autoComplete="name" maxLength={100} {...form.register("name")} />
      </Field>
      <Field label={t("language")} error={errorText(errors.locale)}>
        <Select
          options={locales.map((value) => ({ value, label: localeNames[value] }))}
          {...form.register("locale")}
        />
      </Field>
      <Button type="submit" isLoading={isSubmitting} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
