"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { resendVerificationAction } from "@/lib/accounts/actions";
import { ZResendVerificationSchema, type TResendVerificationSchema } from "@/lib/accounts/schemas";
import { Alert } from "@/components/ui/alert";
import { useActionSubmit, useErrorText } from "./use-action-form";

/** "Send me a new confirmation link": the same answer whether or not the address has an account. */
export function ResendVerificationForm() {
  const t = useTranslations("VerifyEmail");
  const errorText = useErrorText();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<TResendVerificationSchema, unknown, z.output<typeof ZResendVerificationSchema>>({
    resolver: zodResolver(ZResendVerificationSchema),
    defaultValues: { email: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const { formError, run } = useActionSubmit(form);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await run(() => resendVerificationAction(values));
    if (result?.ok) setSentTo(values.email);
  });

  return (
    <section aria-labelledby="resend-title" className="flex flex-col gap-4">
      <div>
        <h2 id="resend-title" className="text-base font-semibold text-ink">
          {t("resendTitle")}
        </h2>
        <p className="mt-1 text-sm text-muted">{t("resendLead")}</p>
      </div>
      {sentTo ? <Alert variant="success">{t("resendDone", { email: sentTo })}</Alert> : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <Field label={t("resendEmail")} error={errorText(errors.email)} isRequired>
          <Input type="email" autoComplete="email" inputMode="email" {...form.register("email")} />
        </Field>
        <Button type="submit" variant="secondary" isLoading={isSubmitting}>
          {t("resendSubmit")}
        </Button>
      </form>
    </section>
  );
}
