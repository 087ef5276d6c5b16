import { useTranslations } from "next-intl";

import type { Checklist } from "@/lib/profiles/checklist";
import { cn } from "@/lib/utils/cn";

/** ECCP's verification criteria for the saved profile, each marked met or not. */
export function ProfileChecklist({ checklist }: { checklist: Checklist }) {
  const t = useTranslations("ProfileChecklist");
  return (
    <div className="flex flex-col gap-3">
      <h2 className="text-base font-semibold text-ink">{t("title")}</h2>
      <p className="text-sm text-muted">{t("lead")}</p>
      <ul className="flex flex-col gap-2.5">
        {checklist.items.map(({ item, met }) => (
          <li key={item} className="flex items-start gap-2.5 text-sm">
            <span
              aria-hidden="true"
              className={cn(
                "mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full",
                met ? "bg-emerald-100 text-emerald-700" : "bg-slate-100 text-slate-500",
              )}
            >
              <svg viewBox="0 0 20 20" fill="currentColor" className="size-3.5">
                {met ? (
                  <path
                    fillRule="evenodd"
                    d="M16.704 4.153a.75.75 0 0 1 .143 1.052l-8 10.5a.75.75 0 0 1-1.127.075l-4.5-4.5a.75.75 0 0 1 1.06-1.06l3.894 3.893 7.48-9.817a.75.75 0 0 1 1.05-.143Z"
                    clipRule="evenodd"
                  />
                ) : (
                  <path d="M5 10a1 1 0 0 1 1-1h8a1 1 0 1 1 0 2H6a1 1 0 0 1-1-1Z" />
                )}
              </svg>
            </span>
            <span className={cn("text-ink", !met && "text-muted")}>
              {t(item)}
              <span className="sr-only"> ({met ? t("met") : t("notMet")})</span>
            </span>
          </li>
        ))}
      </ul>
      <p className={cn("text-sm font-medium", checklist.meetsCriteria ? "text-emerald-800" : "text-muted")}>
        {checklist.meetsCriteria ? t("summaryMet") : t("summaryNotMet")}
      </p>
    </div>
  );
}
