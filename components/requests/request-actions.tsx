"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { useServerAction, useZodMessage } from "@/components/orgs/use-server-action";
import { ActionError } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { acceptRequestAction, declineRequestAction, withdrawRequestAction } from "@/lib/requests/actions";
import { REASON_MAX, ZDeclineReason } from "@/lib/requests/schemas";

type Kind = "accept" | "decline" | "withdraw";

/**
 * Accept, decline (with a reason) and withdraw, as the page allows them;
 * each asks for confirmation in a dialog. The action revalidates the page,
 * which then shows the new status and thread.
 */
export function RequestActions({
  orgSlug,
  requestId,
  otherName,
  actions,
}: {
  orgSlug: string;
  requestId: string;
  otherName: string;
  actions: { canAccept: boolean; canDecline: boolean; canWithdraw: boolean };
}) {
  const t = useTranslations("RequestPage");
  const zodMessage = useZodMessage();
  const { toast } = useToast();
  const { run, isPending, error, fieldErrors, reset } = useServerAction();
  const [open, setOpen] = useState<Kind | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();

  const show = (kind: Kind) => {
    reset();
    setReasonError(undefined);
    setOpen(kind);
  };
  const close = () => {
    if (!isPending) setOpen(null);
  };
  const done = (title: string) => () => {
    setOpen(null);
    setReason("");
    toast({ title, variant: "success" });
  };

  const ref = { orgSlug, requestId };
  const confirm: Record<Kind, () => void> = {
    accept: () => run(() => acceptRequestAction(ref), done(t("acceptedToast"))),
    decline: () => {
      // The same rule as the action's schema, checked first so an empty reason never leaves the browser.
      const parsed = ZDeclineReason.safeParse(reason);
      if (!parsed.success) {
        setReasonError(zodMessage(parsed.error.issues[0]?.message));
        return;
      }
      setReasonError(undefined);
      run(() => declineRequestAction({ ...ref, reason }), done(t("declinedToast")));
    },
    withdraw: () => run(() => withdrawRequestAction(ref), done(t("withdrawnToast"))),
  };

  const buttons: { kind: Kind; label: string; isShown: boolean; variant: "primary" | "secondary" | "ghost" }[] = [
    { kind: "accept", label: t("accept"), isShown: actions.canAccept, variant: "primary" },
    { kind: "decline", label: t("decline"), isShown: actions.canDecline, variant: "secondary" },
    { kind: "withdraw", label: t("withdraw"), isShown: actions.canWithdraw, variant: "secondary" },
  ];
  const visible = buttons.filter((b) => b.isShown);
  if (visible.length === 0) return null;

  const dialogs: Record<Kind, { title: string; description: string; confirmLabel: string; isDanger: boolean }> = {
    accept: { title: t("acceptTitle"), description: t("acceptDescription", { org: otherName }), confirmLabel: t("acceptConfirm"), isDanger: false },
    decline: { title: t("declineTitle"), description: t("declineDescription", { org: otherName }), confirmLabel: t("declineConfirm"), isDanger: true },
    withdraw: { title: t("withdrawTitle"), description: t("withdrawDescription", { org: otherName }), confirmLabel: t("withdrawConfirm"), isDanger: true },
  };
  const current = open ? dialogs[open] : null;

  return (
    <div role="group" aria-label={t("actionsLabel")} className="flex flex-wrap gap-2">
      {visible.map((b) => (
        <Button key={b.kind} variant={b.variant} onClick={() => show(b.kind)}>
          {b.label}
        </Button>
      ))}
      <Dialog
        open={open !== null}
        onOpenChange={(next) => (next ? undefined : close())}
        isDismissible={!isPending}
        title={current?.title ?? ""}
        description={current?.description}
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={isPending}>
              {t("cancel")}
            </Button>
            <Button variant={current?.isDanger ? "danger" : "primary"} isLoading={isPending} onClick={() => open && confirm[open]()}>
              {current?.confirmLabel}
            </Button>
          </>
        }
      >
        {open === "decline" || error ? (
          <div className="flex flex-col gap-4">
            <ActionError message={error} />
            {open === "decline" ? (
              <Field label={t("reasonLabel")} error={reasonError ?? fieldErrors.reason} isRequired>
                <Textarea rows={4} maxLength={REASON_MAX} value={reason} onChange={(event) => setReason(event.target.value)} />
              </Field>
            ) : null}
          </div>
        ) : null}
      </Dialog>
    </div>
  );
}
