"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";

import { useServerAction, useZodMessage } from "@/components/orgs/use-server-action";
import { ActionError } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { replyToRequestAction } from "@/lib/requests/actions";
import { MESSAGE_MAX, ZReplyRequestSchema, type TReplyRequestSchema } from "@/lib/requests/schemas";

/** A message in the thread; the action revalidates the page, which then shows it. */
export function RequestReplyForm({ orgSlug, requestId }: { orgSlug: string; requestId: string }) {
  const t = useTranslations("RequestPage");
  const zodMessage = useZodMessage();
  const { toast } = useToast();
  const { run, isPending, error, fieldErrors } = useServerAction();
  const form = useForm<TReplyRequestSchema>({
    resolver: zodResolver(ZReplyRequestSchema),
    defaultValues: { orgSlug, requestId, message: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    run(
      () => replyToRequestAction(values),
      () => {
        form.reset({ orgSlug, requestId, message: "" });
        toast({ title: t("replySent"), variant: "success" });
      },
    ),
  );

  return (
    <section aria-labelledby="reply-title" className="rounded-card border border-line bg-surface p-5 shadow-xs sm:p-6">
      <h2 id="reply-title" className="mb-3 text-lg font-semibold text-ink">
        {t("replyTitle")}
      </h2>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <ActionError message={error} />
        <Field
          label={t("replyLabel")}
          description={t("replyDescription")}
          error={fieldErrors.message ?? zodMessage(errors.message?.message)}
          isRequired
        >
          <Textarea rows={5} maxLength={MESSAGE_MAX} {...form.register("message")} />
        </Field>
        <div>
          <Button type="submit" isLoading={isPending}>
            {t("replySubmit")}
          </Button>
        </div>
      </form>
    </section>
  );
}
