import Link from "next/link";
import { useTranslations } from "next-intl";

import { cn } from "@/lib/utils/cn";

export type ProfileStatusValue = "DRAFT" | "PENDING" | "APPROVED" | "REJECTED";

const tone: Record<ProfileStatusValue, string> = {
  DRAFT: "border-line-strong bg-surface",
  PENDING: "border-amber-300 bg-amber-50",
  APPROVED: "border-emerald-300 bg-emerald-50",
  REJECTED: "border-red-300 bg-red-50",
};

const dot: Record<ProfileStatusValue, string> = {
  DRAFT: "bg-slate-400",
  PENDING: "bg-amber-500",
  APPROVED: "bg-emerald-600",
  REJECTED: "bg-red-600",
};

/**
 * Where the profile stands: draft, waiting for review, published, or sent
 * back with the administrator's reason; and, on a published profile, a new
 * name or country that waits for review while the old ones stay public.
 * Every value is rendered as text.
 */
export function ProfileStatusBanner({
  status,
  rejectionReason,
  publicUrl,
  publicName,
  publicCountryName,
  pendingName,
  pendingCountryName,
}: {
  status: ProfileStatusValue;
  rejectionReason: string | null;
  publicUrl: string;
  publicName: string;
  publicCountryName: string;
  pendingName: string | null;
  pendingCountryName: string | null;
}) {
  const t = useTranslations("ProfileStatus");
  const title = { DRAFT: t("draftTitle"), PENDING: t("pendingTitle"), APPROVED: t("approvedTitle"), REJECTED: t("rejectedTitle") }[status];
  const body = { DRAFT: t("draftBody"), PENDING: t("pendingBody"), APPROVED: t("approvedBody"), REJECTED: t("rejectedBody") }[status];
  const hasPendingChange = status === "APPROVED" && (pendingName !== null || pendingCountryName !== null);

  return (
    <section aria-label={t("label")} className="flex flex-col gap-3">
      <div className={cn("rounded-card border p-4 sm:p-5", tone[status])}>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <p className="flex items-center gap-2 text-base font-semibold text-ink">
              <span aria-hidden="true" className={cn("size-2.5 rounded-full", dot[status])} />
              {title}
            </p>
            <p className="mt-1 text-sm text-ink/80">{body}</p>
            {status === "REJECTED" && rejectionReason ? (
              <div className="mt-3 rounded-lg border border-red-200 bg-surface px-3 py-2">
                <p className="text-xs font-semibold tracking-wide text-red-800 uppercase">{t("reason")}</p>
                <p className="mt-1 text-sm whitespace-pre-line text-ink">{rejectionReason}</p>
              </div>
            ) : null}
          </div>
          {status === "APPROVED" ? (
            <Link href={publicUrl} className="shrink-0 text-sm font-medium text-brand-700 underline underline-offset-4 hover:text-brand-900">
              {t("viewPublic")}
            </Link>
          ) : null}
        </div>
      </div>
      {hasPendingChange ? (
        <div className="rounded-card border border-amber-300 bg-amber-50 p-4 sm:p-5">
          <p className="text-base font-semibold text-ink">{t("pendingChangeTitle")}</p>
          <ul className="mt-1 text-sm text-ink">
            {pendingName !== null ? <li>{t("pendingName", { name: pendingName })}</li> : null}
            {pendingCountryName !== null ? <li>{t("pendingCountry", { country: pendingCountryName })}</li> : null}
          </ul>
          <p className="mt-2 text-sm text-ink/80">{t("pendingChangeBody", { name: publicName, country: publicCountryName })}</p>
        </div>
      ) : null}
    </section>
  );
}
