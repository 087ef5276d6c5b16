"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { requestPasswordResetAction } from "@/lib/accounts/actions";
import { ZRequestPasswordResetSchema, type TRequestPasswordResetSchema } from "@/lib/accounts/schemas";
import { Alert } from "@/components/ui/alert";
import { useActionSubmit, useErrorText } from "./use-action-form";

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const t = useTranslations("ForgotPassword");
  const errorText = useErrorText();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<TRequestPasswordResetSchema, unknown, z.output<typeof ZRequestPasswordResetSchema>>({
    resolver: zodResolver(ZRequestPasswordResetSchema),
    defaultValues: { email: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const { formError, run } = useActionSubmit(form);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await run(() => requestPasswordResetAction(values));
    if (result?.ok) setSentTo(values.email);
  });

  if (sentTo) {
    return (
      <Alert variant="success" title={t("doneTitle")}>
        {t("doneBody", { email: sentTo })}
      </Alert>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {formError ? <Alert>{formError}</Alert> : null}
      <Field label={t("email")} error={errorText(errors.email)} isRequired>
        <Input type="email" autoComplete="email" inputMode="email" autoFocus {...form.register("email")} />
      </Field>
      <Button type="submit" isLoading={isSubmitting} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}
