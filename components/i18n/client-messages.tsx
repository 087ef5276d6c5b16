import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

import { pickMessages, type MessagePath } from "@/lib/i18n/client-messages";
import { AddClientMessages } from "./add-client-messages";

/**
 * The root layout's provider: sets next-intl up for client components (the
 * request's locale, time zone and formats, as next-intl's server provider
 * reads them) with only the messages of `namespaces`, the ones the shell's
 * client components use. Without a `messages` prop the provider would send
 * the whole catalogue to the browser on every page (lib/i18n/client-messages.ts).
 */
export async function RootClientMessages({ namespaces, children }: { namespaces: readonly MessagePath[]; children: ReactNode }) {
  const messages = pickMessages(await getMessages(), namespaces);
  return <NextIntlClientProvider messages={messages as ProviderMessages}>{children}</NextIntlClientProvider>;
}

/**
 * A route segment's client messages: the client components below see the
 * messages of `namespaces` in addition to those of the providers above (the
 * root layout's, an area layout's); only the added ones travel with this
 * part of the page. Use it in server components (a layout, a page, or a
 * server component that alone knows whether its client part renders, like
 * the signed-in header), around everything they render that needs them.
 * Declare literal arrays: lib/i18n/client-messages.test.ts reads them, and
 * fails when a client component has no declaration above it or when a
 * declaration is not needed.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly MessagePath[]; children: ReactNode }) {
  const messages = pickMessages(await getMessages(), namespaces);
  return <AddClientMessages messages={messages}>{children}</AddClientMessages>;
}

type ProviderMessages = Parameters<typeof NextIntlClientProvider>[0]["messages"];
