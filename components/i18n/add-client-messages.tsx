"use client";

import { NextIntlClientProvider, useLocale, useMessages } from "next-intl";
import { useMemo, type ComponentProps, type ReactNode } from "react";

import { mergeMessages, type MessageTree } from "@/lib/i18n/client-messages";

/**
 * A nested next-intl provider that ADDS messages. next-intl's provider
 * replaces the messages of the one above when it gets a `messages` prop
 * (and inherits the time zone, formats, `now` and error handler when it
 * does not get them: use-intl's IntlProvider), so this merges the
 * segment's messages into the parent's; the locale is the parent's.
 */
export function AddClientMessages({ messages, children }: { messages: MessageTree; children: ReactNode }) {
  const parent = useMessages() as MessageTree;
  const locale = useLocale();
  const merged = useMemo(() => mergeMessages(parent, messages), [parent, messages]);
  return (
    <NextIntlClientProvider locale={locale} messages={merged as ComponentProps<typeof NextIntlClientProvider>["messages"]}>
      {children}
    </NextIntlClientProvider>
  );
}
