"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";

import { Button, buttonClasses } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { RecommendationItem } from "@/lib/recommendations/list-recommendations";
import { dismissRecommendationAction, undoDismissRecommendationAction } from "@/lib/recommendations/actions";
import { formatReason, type ReasonLabels, type ReasonTranslator } from "./format-reason";
import { ScoreBar } from "./score-bar";

/** How many reasons a card tells. */
const MAX_REASONS = 5;
/** How long the undo notice stays (it stays while hovered or focused). */
const UNDO_MS = 10_000;

type Notice = { slug: string; name: string } | null;

/**
 * The ranked suggestions as cards, with "Send a request" (the request form on
 * the partner's public profile, acting for our organisation) and "Dismiss"
 * (undo right after, or later from the dismissed list below).
 */
export function RecommendationList({
  orgSlug,
  items,
  dismissed,
  labels,
  canSend,
}: {
  orgSlug: string;
  items: RecommendationItem[];
  dismissed: { slug: string; name: string; country: string }[];
  labels: ReasonLabels;
  canSend: boolean;
}) {
  const t = useTranslations("Recommendations");
  const locale = useLocale();
  const { toast } = useToast();
  // Hidden at once on dismissal, before the refreshed list arrives (restoring shows it again).
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice>(null);
  const [busySlug, setBusySlug] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const isRunning = useRef(false);
  const translate: ReasonTranslator = (key, values) => t(key as never, values as never);

  const run = useCallback(
    (slug: string, call: () => Promise<{ ok: true; data: { slug: string; name: string } } | { ok: false; error: string }>, onSuccess: (data: { slug: string; name: string }) => void) => {
      if (isRunning.current) return;
      isRunning.current = true;
      setBusySlug(slug);
      startTransition(async () => {
        try {
          const result = await call();
          if (result.ok) onSuccess(result.data);
          else toast({ title: result.error, variant: "error" });
        } finally {
          isRunning.current = false;
          setBusySlug(null);
        }
      });
    },
    [toast],
  );

  const dismiss = (item: { slug: string; name: string }) =>
    run(item.slug, () => dismissRecommendationAction({ orgSlug, targetSlug: item.slug }), (data) => {
      setHidden((current) => new Set(current).add(data.slug));
      setNotice({ slug: data.slug, name: data.name });
    });

  const restore = (item: { slug: string; name: string }) =>
    run(item.slug, () => undoDismissRecommendationAction({ orgSlug, targetSlug: item.slug }), (data) => {
      setHidden((current) => {
        const next = new Set(current);
        next.delete(data.slug);
        return next;
      });
      setNotice(null);
      toast({ title: t("restored", { name: data.name }), variant: "success" });
    });

  const closeNotice = useCallback(() => setNotice(null), []);
  const shown = items.filter((item) => !hidden.has(item.slug));

  return (
    <>
      {shown.length > 0 ? (
        <ol aria-label={t("listLabel")} className="flex flex-col gap-4">
          {shown.map((item) => (
            <li key={item.slug}>
              <article
                aria-labelledby={`rec-${item.slug}`}
                className="flex flex-col gap-4 rounded-card border border-line bg-surface p-5 shadow-xs sm:p-6"
              >
                <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <h2 id={`rec-${item.slug}`} className="text-lg font-semibold text-ink">
                      <Link
                        href={`/clusters/${item.slug}`}
                        className="underline-offset-2 hover:text-brand-800 hover:underline"
                      >
                        {item.name}
                      </Link>
                    </h2>
                    <p className="mt-1 text-sm text-muted">
                      <span className="sr-only">{t("country")}: </span>
                      {labels.countries[item.country] ?? item.country}
                      <span aria-hidden="true"> · </span>
                      {t("members", { count: item.membersTotal })}
                    </p>
                  </div>
                  <ScoreBar score={item.score} label={t("scoreLabel")} valueText={t("scoreValue", { score: item.score })} />
                </div>
                {item.ecosystems.length > 0 ? (
                  <ul aria-label={t("ecosystems")} className="flex flex-wrap gap-1.5">
                    {item.ecosystems.map((code) => (
                      <li
                        key={code}
                        className="rounded-full border border-brand-200 bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-800"
                      >
                        {labels.ecosystems[code] ?? code}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {item.reasons.length > 0 ? (
                  <div>
                    <h3 className="sr-only">{t("why")}</h3>
                    <p className="text-sm leading-relaxed text-pretty text-ink">
                      {item.reasons
                        .slice(0, MAX_REASONS)
                        .map((reason) => formatReason(reason, translate, labels, locale))
                        .join(" ")}
                    </p>
                  </div>
                ) : null}
                <div className="flex flex-wrap gap-3">
                  {canSend ? (
                    <>
                      <Link
                        href={`/clusters/${item.slug}?as=${encodeURIComponent(orgSlug)}#request-cooperation`}
                        aria-label={t("sendRequestLabel", { name: item.name })}
                        className={buttonClasses({ size: "sm" })}
                      >
                        {t("sendRequest")}
                      </Link>
                      <Button
                        variant="secondary"
                        size="sm"
                        aria-label={t("dismissLabel", { name: item.name })}
                        isLoading={busySlug === item.slug}
                        onClick={() => dismiss(item)}
                      >
                        {t("dismiss")}
                      </Button>
                    </>
                  ) : (
                    <Link href={`/clusters/${item.slug}`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
                      {t("viewProfile")}
                    </Link>
                  )}
                </div>
              </article>
            </li>
          ))}
        </ol>
      ) : null}

      {canSend ? (
        <section aria-labelledby="dismissed-title" className="flex flex-col gap-3">
          <div>
            <h2 id="dismissed-title" className="text-lg font-semibold text-ink">
              {t("dismissedTitle")}
            </h2>
            <p className="mt-1 text-sm text-muted">{t("dismissedLead")}</p>
          </div>
          {dismissed.length > 0 ? (
            <ul className="divide-y divide-line rounded-card border border-line bg-surface">
              {dismissed.map((item) => (
                <li key={item.slug} className="flex items-center justify-between gap-3 px-4 py-3">
                  <span className="min-w-0 text-sm">
                    <Link href={`/clusters/${item.slug}`} className="font-medium text-ink underline-offset-2 hover:underline">
                      {item.name}
                    </Link>
                    <span className="text-muted"> · {labels.countries[item.country] ?? item.country}</span>
                  </span>
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={t("restoreLabel", { name: item.name })}
                    isLoading={busySlug === item.slug}
                    onClick={() => restore(item)}
                  >
                    {t("restore")}
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">{t("dismissedEmpty")}</p>
          )}
        </section>
      ) : null}

      <UndoNotice
        notice={notice}
        onUndo={(n) => restore(n)}
        onClose={closeNotice}
        isBusy={notice !== null && busySlug === notice.slug}
      />
    </>
  );
}

/**
 * "X will not be suggested again. Undo": a toast with an action, which the
 * shared toast does not offer. Polite live region that exists from the
 * first render, so screen readers announce the message.
 */
function UndoNotice({
  notice,
  onUndo,
  onClose,
  isBusy,
}: {
  notice: Notice;
  onUndo: (notice: { slug: string; name: string }) => void;
  onClose: () => void;
  isBusy: boolean;
}) {
  const t = useTranslations("Recommendations");
  const [isPaused, setIsPaused] = useState(false);

  useEffect(() => {
    if (!notice || isPaused) return;
    const timer = window.setTimeout(onClose, UNDO_MS);
    return () => window.clearTimeout(timer);
  }, [notice, isPaused, onClose]);

  return (
    <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex justify-center p-4 sm:justify-start">
      {notice ? (
        <div
          onMouseEnter={() => setIsPaused(true)}
          onMouseLeave={() => setIsPaused(false)}
          onFocus={() => setIsPaused(true)}
          onBlur={() => setIsPaused(false)}
          className="pointer-events-auto flex w-full max-w-md animate-toast-in items-center gap-3 rounded-card border border-line bg-surface p-4 shadow-lg"
        >
          <p className="min-w-0 flex-1 text-sm font-medium text-ink">{t("dismissed", { name: notice.name })}</p>
          <Button
            variant="secondary"
            size="sm"
            aria-label={t("undoLabel", { name: notice.name })}
            isLoading={isBusy}
            onClick={() => onUndo(notice)}
          >
            {t("undo")}
          </Button>
          <button
            type="button"
            onClick={onClose}
            aria-label={t("closeNotice")}
            className="-me-1 inline-flex size-8 shrink-0 items-center justify-center rounded-md text-muted hover:bg-brand-50 hover:text-ink"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
              <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
            </svg>
          </button>
        </div>
      ) : null}
    </div>
  );
}
