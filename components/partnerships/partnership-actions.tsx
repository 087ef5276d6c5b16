"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { useServerAction, useZodMessage } from "@/components/orgs/use-server-action";
import { ActionError } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import {
  confirmTieRaiseAction,
  declineTieRaiseAction,
  endPartnershipAction,
  proposeTieRaiseAction,
  withdrawTieRaiseAction,
} from "@/lib/partnerships/actions";
import {
  DESCRIPTION_MAX,
  REASON_MAX,
  ZDeclineTieRaiseSchema,
  ZEndPartnershipSchema,
  ZProposeTieRaiseSchema,
  type TDeclineTieRaiseSchema,
  type TEndPartnershipSchema,
  type TProposeTieRaiseSchema,
  type TieStrength,
} from "@/lib/partnerships/schemas";
import { TieBadge } from "./tie-badge";

type Ref = { orgSlug: string; partnershipId: string };

export type PartnershipActionsProps = Ref & {
  partnerName: string;
  proposal: { tie: TieStrength; description: string | null; proposedAt: Date | null; isByUs: boolean } | null;
  actions: { raiseTo: TieStrength | null; canConfirm: boolean; canDecline: boolean; canWithdraw: boolean; canEnd: boolean };
};

/** The pending proposal (to answer, or to withdraw) as a panel at the top of the partnership page. */
export function ProposalPanel({ orgSlug, partnershipId, partnerName, proposal, actions }: PartnershipActionsProps) {
  const t = useTranslations("Partnership");
  const ties = useTranslations("partnerships.ties");
  const format = useFormatter();
  const { toast } = useToast();
  const { run, isPending, error, reset } = useServerAction();
  const [open, setOpen] = useState<"confirm" | "decline" | "withdraw" | null>(null);
  if (!proposal) return null;
  const ref = { orgSlug, partnershipId };
  const close = () => {
    if (!isPending) setOpen(null);
  };
  const show = (kind: "confirm" | "decline" | "withdraw") => {
    reset();
    setOpen(kind);
  };

  return (
    <section
      aria-labelledby="proposal-title"
      className="flex flex-col gap-3 rounded-card border border-amber-300 bg-amber-50 p-5 shadow-xs"
      data-testid="proposal-panel"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="proposal-title" className="text-lg font-semibold text-ink">
          {t("proposalTitle")}
        </h2>
        <TieBadge tie={proposal.tie} />
      </div>
      <p className="text-ink">
        {proposal.isByUs
          ? t("proposalFromUs", { tie: proposal.tie, org: partnerName })
          : t("proposalFromPartner", { tie: proposal.tie, org: partnerName })}
      </p>
      {proposal.description ? (
        <blockquote className="border-s-4 border-amber-300 ps-3 whitespace-pre-line text-ink">{proposal.description}</blockquote>
      ) : null}
      {proposal.proposedAt ? (
        <p className="text-sm text-muted">{t("proposedOn", { date: format.dateTime(proposal.proposedAt, { dateStyle: "medium" }) })}</p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {actions.canConfirm ? <Button onClick={() => show("confirm")}>{t("confirm")}</Button> : null}
        {actions.canDecline ? (
          <Button variant="secondary" onClick={() => show("decline")}>
            {t("decline")}
          </Button>
        ) : null}
        {actions.canWithdraw ? (
          <Button variant="secondary" onClick={() => show("withdraw")}>
            {t("withdraw")}
          </Button>
        ) : null}
      </div>

      <Dialog
        open={open === "confirm"}
        onOpenChange={(next) => (next ? undefined : close())}
        isDismissible={!isPending}
        title={t("confirmTitle", { tie: proposal.tie })}
        description={t("confirmDescription", { tie: proposal.tie, org: partnerName })}
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={isPending}>
              {t("cancel")}
            </Button>
            <Button
              isLoading={isPending}
              onClick={() =>
                run(
                  () => confirmTieRaiseAction(ref),
                  (data) => {
                    setOpen(null);
                    toast({ title: t("confirmed", { tie: ties(data.tie) }), variant: "success" });
                  },
                )
              }
            >
              {t("confirm")}
            </Button>
          </>
        }
      >
        <ActionError message={error} />
      </Dialog>

      <ReasonDialog
        open={open === "decline"}
        onClose={() => setOpen(null)}
        title={t("declineTitle")}
        description={t("declineDescription", { org: partnerName })}
        reasonLabel={t("declineReason")}
        submitLabel={t("decline")}
        isDanger={false}
        schema="decline"
        defaults={ref}
        onDone={() => toast({ title: t("declined"), variant: "success" })}
      />

      <Dialog
        open={open === "withdraw"}
        onOpenChange={(next) => (next ? undefined : close())}
        isDismissible={!isPending}
        title={t("withdrawTitle")}
        description={t("withdrawDescription")}
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={isPending}>
              {t("cancel")}
            </Button>
            <Button
              isLoading={isPending}
              onClick={() =>
                run(
                  () => withdrawTieRaiseAction(ref),
                  () => {
                    setOpen(null);
                    toast({ title: t("withdrawn"), variant: "success" });
                  },
                )
              }
            >
              {t("withdraw")}
            </Button>
          </>
        }
      >
        <ActionError message={error} />
      </Dialog>
    </section>
  );
}

/** "Propose a durable tie" / "Propose a covalent bond" and "End partnership". */
export function PartnershipActions({ orgSlug, partnershipId, partnerName, actions }: PartnershipActionsProps) {
  const t = useTranslations("Partnership");
  const { toast } = useToast();
  const [open, setOpen] = useState<"propose" | "end" | null>(null);
  if (!actions.raiseTo && !actions.canEnd) return null;
  const ref = { orgSlug, partnershipId };

  return (
    <div role="group" aria-label={t("actionsLabel")} className="flex flex-wrap gap-2">
      {actions.raiseTo ? <Button onClick={() => setOpen("propose")}>{t("propose", { tie: actions.raiseTo })}</Button> : null}
      {actions.canEnd ? (
        <Button variant="ghost" className="text-red-800" onClick={() => setOpen("end")}>
          {t("end")}
        </Button>
      ) : null}
      {actions.raiseTo ? (
        <ProposeDialog
          open={open === "propose"}
          onClose={() => setOpen(null)}
          tie={actions.raiseTo}
          partnerName={partnerName}
          defaults={ref}
          onDone={() => toast({ title: t("proposed", { org: partnerName }), variant: "success" })}
        />
      ) : null}
      <ReasonDialog
        open={open === "end"}
        onClose={() => setOpen(null)}
        title={t("endTitle", { org: partnerName })}
        description={t("endDescription")}
        reasonLabel={t("endReason")}
        submitLabel={t("endConfirm")}
        isDanger
        schema="end"
        defaults={ref}
        onDone={() => toast({ title: t("endedToast"), variant: "success" })}
      />
    </div>
  );
}

function ProposeDialog({
  open,
  onClose,
  tie,
  partnerName,
  defaults,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  tie: TieStrength;
  partnerName: string;
  defaults: Ref;
  onDone: () => void;
}) {
  const t = useTranslations("Partnership");
  const zodMessage = useZodMessage();
  const { run, isPending, error, fieldErrors, reset } = useServerAction();
  const proposable = tie === "COVALENT" ? "COVALENT" : "DURABLE";
  const form = useForm<TProposeTieRaiseSchema>({
    resolver: zodResolver(ZProposeTieRaiseSchema),
    defaultValues: { ...defaults, tie: proposable, description: "" },
  });
  const { errors } = form.formState;
  const close = () => {
    if (isPending) return;
    reset();
    form.reset({ ...defaults, tie: proposable, description: "" });
    onClose();
  };
  const onSubmit = form.handleSubmit((values) =>
    run(
      () => proposeTieRaiseAction(values),
      () => {
        onClose();
        form.reset({ ...defaults, tie: proposable, description: "" });
        onDone();
      },
    ),
  );
  const formId = `propose-${defaults.partnershipId}`;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? undefined : close())}
      isDismissible={!isPending}
      size="lg"
      title={t("proposeTitle", { tie: proposable, org: partnerName })}
      description={proposable === "COVALENT" ? t("proposeDescriptionCOVALENT") : t("proposeDescriptionDURABLE")}
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={isPending}>
            {t("cancel")}
          </Button>
          <Button type="submit" form={formId} isLoading={isPending}>
            {t("proposeSubmit")}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <ActionError message={error} />
        <Field
          label={t("proposeField")}
          description={proposable === "COVALENT" ? t("proposeFieldHintCOVALENT") : t("proposeFieldHintDURABLE")}
          error={fieldErrors.description ?? fieldErrors.tie ?? zodMessage(errors.description?.message)}
          isRequired
        >
          <Textarea rows={5} maxLength={DESCRIPTION_MAX} autoFocus {...form.register("description")} />
        </Field>
      </form>
    </Dialog>
  );
}

function ReasonDialog({
  open,
  onClose,
  title,
  description,
  reasonLabel,
  submitLabel,
  isDanger,
  schema,
  defaults,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description: string;
  reasonLabel: string;
  submitLabel: string;
  isDanger: boolean;
  schema: "decline" | "end";
  defaults: Ref;
  onDone: () => void;
}) {
  const t = useTranslations("Partnership");
  const zodMessage = useZodMessage();
  const { run, isPending, error, fieldErrors, reset } = useServerAction();
  const form = useForm<TDeclineTieRaiseSchema | TEndPartnershipSchema>({
    resolver: zodResolver(schema === "decline" ? ZDeclineTieRaiseSchema : ZEndPartnershipSchema),
    defaultValues: { ...defaults, reason: "" },
  });
  const { errors } = form.formState;
  const close = () => {
    if (isPending) return;
    reset();
    form.reset({ ...defaults, reason: "" });
    onClose();
  };
  const onSubmit = form.handleSubmit((values) =>
    run(
      () => (schema === "decline" ? declineTieRaiseAction(values) : endPartnershipAction(values)),
      () => {
        onClose();
        form.reset({ ...defaults, reason: "" });
        onDone();
      },
    ),
  );
  const formId = `${schema}-${defaults.partnershipId}`;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? undefined : close())}
      isDismissible={!isPending}
      title={title}
      description={description}
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={isPending}>
            {t("cancel")}
          </Button>
          <Button type="submit" form={formId} variant={isDanger ? "danger" : "primary"} isLoading={isPending}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <ActionError message={error} />
        <Field label={reasonLabel} error={fieldErrors.reason ?? zodMessage(errors.reason?.message)} isOptional>
          <Textarea rows={3} maxLength={REASON_MAX} {...form.register("reason")} />
        </Field>
      </form>
    </Dialog>
  );
}
