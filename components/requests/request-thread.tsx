import { getFormatter, getTranslations } from "next-intl/server";

import type { RequestPageData } from "@/lib/requests/get-request";
import { cn } from "@/lib/utils/cn";

/**
 * The conversation of a request, oldest first: messages of both sides and
 * the status changes (accepted, declined with the reason, withdrawn,
 * expired). Everything users wrote is rendered as text.
 */
export async function RequestThread({ data }: { data: RequestPageData }) {
  const t = await getTranslations("RequestPage");
  const format = await getFormatter();
  const orgName = { us: data.us.name, them: data.other.name } as const;

  return (
    <section aria-labelledby="thread-title" className="flex flex-col gap-4">
      <h2 id="thread-title" className="text-lg font-semibold text-ink">
        {t("threadTitle")}
      </h2>
      <ol className="flex flex-col gap-4" data-testid="request-thread">
        {data.messages.map((message) => {
          const time = (
            <time dateTime={message.createdAt.toISOString()} className="text-xs text-muted">
              {format.dateTime(message.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </time>
          );
          if (message.from === "system") {
            return (
              <li key={message.id} className="flex flex-col items-center gap-1 text-center text-sm text-muted">
                <p className="rounded-full border border-line bg-canvas px-3 py-1">{t(`events.${message.kind}`)}</p>
                {time}
              </li>
            );
          }
          const isStatus = message.kind !== "REPLY" && message.kind !== "OPENING";
          return (
            <li
              key={message.id}
              data-from={message.from}
              className={cn(
                "flex max-w-3xl flex-col gap-2 rounded-card border p-4 shadow-xs",
                message.from === "us" ? "ms-auto w-full border-brand-200 bg-brand-50/60 sm:w-11/12" : "w-full border-line bg-surface sm:w-11/12",
              )}
            >
              <p className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 text-sm">
                <span>
                  <span className="font-semibold text-ink">
                    {t("author", { name: message.authorName ?? t("unknownAuthor"), org: orgName[message.from] })}
                  </span>{" "}
                  <span className="text-muted">{t(`events.${message.kind}`)}</span>
                </span>
                {time}
              </p>
              {message.body ? (
                <p className={cn("text-pretty break-words whitespace-pre-line text-ink", isStatus && "text-sm")}>
                  {message.kind === "DECLINED" ? t("declineReason", { reason: message.body }) : message.body}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
