"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { requestEmailChangeAction } from "@/lib/accounts/actions";
import { ZRequestEmailChangeSchema, type TRequestEmailChangeSchema } from "@/lib/accounts/schemas";
import { Alert } from "@/components/ui/alert";
import { useActionSubmit, useErrorText } from "./use-action-form";

/** Sends a confirmation link to the new address; the address changes when it is followed. */
export function ChangeEmailForm() {
  const t = useTranslations("Account.email");
  const errorText = useErrorText();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<TRequestEmailChangeSchema, unknown, z.output<typeof ZRequestEmailChangeSchema>>({
    resolver: zodResolver(ZRequestEmailChangeSchema),
    defaultValues: { newEmail: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const { formError, run } = useActionSubmit(form);

  const onSubmit = form.handleSubmit(async (values) => {
    setSentTo(null);
    const result = await run(() => requestEmailChangeAction(values));
    if (!result?.ok) return;
    setSentTo(values.newEmail);
    form.reset({ newEmail: "", password: "" });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {sentTo ? <Alert variant="success">{t("sent", { email: sentTo })}</Alert> : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <Field label={t("new")} error={errorText(errors.newEmail)} isRequired>
        <Input type="email" autoComplete="email" inputMode="email" {...form.register("newEmail")} />
      </Field>
      <Field label={t("password")} error={errorText(errors.password)} isRequired>
        <Input type="password" autoComplete="current-password" {...form.register("password")} />
      </Field>
      <Button type="submit" variant="secondary" isLoading={isSubmitting} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
