"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { useServerAction, useZodMessage } from "@/components/orgs/use-server-action";
import { ActionError, Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { sendCooperationRequestAction } from "@/lib/requests/actions";
import { MESSAGE_MAX, REQUEST_KINDS, SUBJECT_MAX, ZSendRequestSchema, type TSendRequestSchema } from "@/lib/requests/schemas";

/**
 * "Request cooperation" on a public profile: the organisation to send from
 * (a choice only when the user may send from several), kind, subject and
 * message. After sending, a link to the new request.
 */
export function RequestCooperationForm({
  receiver,
  organizations,
  defaultOrgSlug,
}: {
  receiver: { slug: string; name: string };
  organizations: { slug: string; name: string }[];
  defaultOrgSlug: string;
}) {
  const t = useTranslations("RequestCooperation");
  const kinds = useTranslations("requests.kinds");
  const zodMessage = useZodMessage();
  const { run, isPending, error, fieldErrors } = useServerAction();
  const [sent, setSent] = useState<{ path: string } | null>(null);
  const empty = { orgSlug: defaultOrgSlug, receiverSlug: receiver.slug, kind: "" as never, subject: "", message: "" };
  const form = useForm<TSendRequestSchema>({ resolver: zodResolver(ZSendRequestSchema), defaultValues: empty });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => run(() => sendCooperationRequestAction(values), (data) => setSent({ path: data.path })));

  if (sent) {
    return (
      <div className="flex flex-col gap-4">
        <Alert variant="success" title={t("sentTitle")}>
          {t("sentDescription", { org: receiver.name })}
        </Alert>
        <div className="flex flex-wrap gap-3">
          <Link href={sent.path} className={buttonClasses()}>
            {t("openRequest")}
          </Link>
          <Button
            variant="ghost"
            onClick={() => {
              form.reset({ ...empty, orgSlug: form.getValues("orgSlug") });
              setSent(null);
            }}
          >
            {t("sendAnother")}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <ActionError message={error} />
      {organizations.length > 1 ? (
        <Field label={t("asOrg")} error={fieldErrors.orgSlug ?? zodMessage(errors.orgSlug?.message)} isRequired>
          <Select options={organizations.map((o) => ({ value: o.slug, label: o.name }))} {...form.register("orgSlug")} />
        </Field>
      ) : null}
      <Field label={t("kind")} error={fieldErrors.kind ?? zodMessage(errors.kind?.message)} isRequired>
        <Select placeholder={t("chooseKind")} options={REQUEST_KINDS.map((k) => ({ value: k, label: kinds(k) }))} {...form.register("kind")} />
      </Field>
      <Field
        label={t("subject")}
        description={t("subjectDescription")}
        error={fieldErrors.subject ?? zodMessage(errors.subject?.message)}
        isRequired
      >
        <Input maxLength={SUBJECT_MAX} autoComplete="off" {...form.register("subject")} />
      </Field>
      <Field
        label={t("message")}
        description={t("messageDescription", { org: receiver.name })}
        error={fieldErrors.message ?? zodMessage(errors.message?.message)}
        isRequired
      >
        <Textarea rows={7} maxLength={MESSAGE_MAX} {...form.register("message")} />
      </Field>
      <div>
        <Button type="submit" isLoading={isPending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
