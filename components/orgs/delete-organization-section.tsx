"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { deleteOrganizationAction } from "@/lib/orgs/actions";
import { ActionError } from "@/components/ui/alert";
import { useServerAction } from "./use-server-action";

/** The danger zone: deleting asks for the organisation's name, typed out. */
export function DeleteOrganizationSection({ org }: { org: { slug: string; name: string } }) {
  const t = useTranslations("OrgSettings");
  const { run, isPending, error, fieldErrors, reset } = useServerAction();
  const [open, setOpen] = useState(false);
  const [confirmation, setConfirmation] = useState("");
  const matches = confirmation.trim() === org.name;

  const submit = () => {
    if (!matches) return;
    // Redirects to /orgs on success.
    run(() => deleteOrganizationAction({ orgSlug: org.slug, confirmation }));
  };

  return (
    <section aria-labelledby="danger-title" className="rounded-card border border-red-200 bg-surface p-5 shadow-xs sm:p-6">
      <h2 id="danger-title" className="text-lg font-semibold text-red-800">
        {t("dangerTitle")}
      </h2>
      <p className="mt-1 mb-4 max-w-2xl text-sm text-muted">{t("dangerDescription")}</p>
      <Button
        variant="danger"
        onClick={() => {
          reset();
          setConfirmation("");
          setOpen(true);
        }}
      >
        {t("delete")}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => (isPending ? undefined : setOpen(next))}
        isDismissible={!isPending}
        title={t("deleteDialogTitle", { name: org.name })}
        description={t("deleteDialogDescription")}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={isPending}>
              {t("cancel")}
            </Button>
            <Button variant="danger" type="submit" form="delete-organization" isLoading={isPending} disabled={!matches}>
              {t("deleteConfirm")}
            </Button>
          </>
        }
      >
        <form
          id="delete-organization"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          className="flex flex-col gap-4"
        >
          <ActionError message={error} />
          <Field label={t("confirmation", { name: org.name })} error={fieldErrors.confirmation}>
            <Input value={confirmation} onChange={(event) => setConfirmation(event.target.value)} autoComplete="off" autoFocus />
          </Field>
        </form>
      </Dialog>
    </section>
  );
}
