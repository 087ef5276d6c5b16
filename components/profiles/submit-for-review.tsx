"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

import { ActionError } from "@/components/ui/alert";
import { useServerAction } from "@/components/orgs/use-server-action";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { submitProfileAction } from "@/lib/profiles/actions";

/** The owner's "Submit for review"; it sends the saved profile, so unsaved changes must be saved first. */
export function SubmitForReview({ orgSlug, isResubmit, hasUnsavedChanges }: { orgSlug: string; isResubmit: boolean; hasUnsavedChanges: boolean }) {
  const t = useTranslations("SubmitForReview");
  const router = useRouter();
  const { toast } = useToast();
  const { run, isPending, error } = useServerAction();

  const submit = () =>
    run(
      () => submitProfileAction({ orgSlug }),
      () => {
        toast({ title: t("submitted"), variant: "success" });
        router.refresh();
      },
    );

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-muted">{isResubmit ? t("resubmitDescription") : t("description")}</p>
      <ActionError message={error} />
      <Button onClick={submit} isLoading={isPending} disabled={hasUnsavedChanges} aria-describedby={hasUnsavedChanges ? "submit-save-first" : undefined}>
        {t("button")}
      </Button>
      {hasUnsavedChanges ? (
        <p id="submit-save-first" className="text-sm font-medium text-amber-800">
          {t("saveFirst")}
        </p>
      ) : null}
    </div>
  );
}
