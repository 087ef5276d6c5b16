"use client";

import { useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import type { Checklist } from "@/lib/profiles/checklist";
import { reviewProfileAction } from "@/lib/profiles/review-actions";

export type ReviewItem = {
  organizationId: string;
  name: string;
  slug: string;
  country: string;
  kind: "newProfile" | "nameOrCountryChange";
  pendingName: string | null;
  pendingCountry: string | null;
  submittedAt: string;
  website: string | null;
  description: string;
  members: number;
  managementFte: number;
  supportProgrammes: string;
  checklist: Checklist;
};

export function ReviewQueue({ items }: { items: ReviewItem[] }) {
  const t = useTranslations("ReviewQueue");
  if (items.length === 0) return <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />;
  return (
    <ul className="flex flex-col gap-4" aria-label={t("listLabel")}>
      {items.map((item) => (
        <li key={item.organizationId}>
          <ReviewCard item={item} />
        </li>
      ))}
    </ul>
  );
}

function ReviewCard({ item }: { item: ReviewItem }) {
  const t = useTranslations("ReviewQueue");
  const format = useFormatter();
  const router = useRouter();
  const { toast } = useToast();
  const [isPending, startTransition] = useTransition();
  const [isRejecting, setIsRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const headingId = `review-${item.organizationId}`;

  const decide = (decision: "approve" | "reject") =>
    startTransition(async () => {
      setError(null);
      const result = await reviewProfileAction({ organizationId: item.organizationId, decision, reason });
      if (!result.ok) {
        setError(result.fieldErrors?.reason ?? result.error);
        return;
      }
      toast({ title: decision === "approve" ? t("approved", { name: item.name }) : t("rejected", { name: item.name }), variant: "success" });
      router.refresh();
    });

  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-4 rounded-card border border-line bg-surface p-5 shadow-sm">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 id={headingId} className="text-lg font-semibold">
            {item.name}
          </h2>
          <p className="text-sm text-muted">
            {item.country} · {t("submitted", { date: format.dateTime(new Date(item.submittedAt), { dateStyle: "medium" }) })}
          </p>
        </div>
        <span className="rounded-full bg-brand-50 px-3 py-1 text-sm font-medium text-brand-800">{t(`kind.${item.kind}`)}</span>
      </header>

      {item.kind === "nameOrCountryChange" ? (
        <p>
          {item.pendingName ? t("pendingName", { value: item.pendingName }) : null}{" "}
          {item.pendingCountry ? t("pendingCountry", { value: item.pendingCountry }) : null}
        </p>
      ) : null}

      {item.description ? <p className="text-sm whitespace-pre-line">{item.description}</p> : null}

      <div>
        <h3 className="mb-2 text-sm font-semibold">{t("checklistTitle")}</h3>
        <ul className="grid gap-1 text-sm sm:grid-cols-2">
          {item.checklist.items.map(({ item: criterion, met }) => (
            <li key={criterion} className="flex items-center gap-2">
              <span aria-hidden="true" className={met ? "text-green-700" : "text-red-700"}>
                {met ? "✓" : "✗"}
              </span>
              <span>
                {t(`criteria.${criterion}`)}: <span className="sr-only">{met ? t("met") : t("notMet")}</span>
                <span className="text-muted">
                  {criterion === "members" ? item.members : null}
                  {criterion === "managementFte" ? item.managementFte : null}
                  {criterion === "website" ? (item.website ?? "—") : null}
                  {criterion === "supportProgramme" ? item.supportProgrammes || "—" : null}
                </span>
              </span>
            </li>
          ))}
        </ul>
        <p className={`mt-2 text-sm font-medium ${item.checklist.meetsCriteria ? "text-green-800" : "text-red-800"}`}>
          {item.checklist.meetsCriteria ? t("meets") : t("doesNotMeet")}
        </p>
      </div>

      {isRejecting ? (
        <Field label={t("reasonLabel")} description={t("reasonHelp")} error={error ?? undefined} isRequired>
          <Textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} rows={3} />
        </Field>
      ) : error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}

      <div className="flex flex-wrap gap-2">
        {isRejecting ? (
          <>
            <Button variant="danger" isLoading={isPending} onClick={() => decide("reject")}>
              {t("confirmReject")}
            </Button>
            <Button variant="ghost" disabled={isPending} onClick={() => setIsRejecting(false)}>
              {t("cancel")}
            </Button>
          </>
        ) : (
          <>
            <Button isLoading={isPending} onClick={() => decide("approve")}>
              {t("approve")}
            </Button>
            <Button variant="secondary" disabled={isPending} onClick={() => setIsRejecting(true)}>
              {t("reject")}
            </Button>
          </>
        )}
      </div>
    </article>
  );
}
