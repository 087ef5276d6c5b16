/**
 * Which messages reach the browser. A client component translates with the
 * messages of the nearest NextIntlClientProvider above it, and everything a
 * provider holds is serialised into the page's RSC payload (inlined into the
 * HTML) on every request. So no provider gets the whole catalogue: the root
 * layout declares the shell's namespaces, and each route segment (an area's
 * layout or a page) adds the ones its own client components use, with
 * <ClientMessages namespaces={[…]}> (components/i18n/client-messages.tsx).
 *
 * A declaration is a namespace ("Directory"), a part of one
 * ("Notifications.bell") or a single message ("errors.generic"), all checked
 * against the English catalogue. client-messages.test.ts fails when a client
 * component reachable from a route uses a namespace (or a message key, for
 * root translators of zod keys) that no declaration on that route covers, or
 * when a declaration is not needed any more.
 *
 * Pure functions only: shared by the server (picking) and the client
 * (merging a segment's messages into those of the segments above).
 */
import type { NestedKeyOf } from "next-intl";

import type { Messages } from "./messages";

/** A namespace, a nested part of one, or a single message, as "A.b.c". */
export type MessagePath = NestedKeyOf<Messages>;

/** A subset of the catalogue, as a provider receives it. */
export type MessageTree = { [key: string]: string | MessageTree };

function isTree(value: unknown): value is MessageTree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The messages under the given paths, in the shape of the catalogue
 * (picking "Notifications.bell" gives { Notifications: { bell: {…} } }).
 * Throws on a path that is not in the catalogue: the type already forbids
 * it, and a silent gap would show up as MISSING_MESSAGE in some browser.
 */
export function pickMessages(messages: Messages | MessageTree, paths: readonly MessagePath[]): MessageTree {
  const picked: MessageTree = {};
  for (const path of paths) {
    const keys = path.split(".");
    let source: unknown = messages;
    for (const key of keys) source = isTree(source) && Object.hasOwn(source, key) ? source[key] : undefined;
    if (source === undefined) throw new Error(`No messages at "${path}"`);
    mergeInto(picked, keys.reduceRight<string | MessageTree>((value, key) => ({ [key]: value }), source as string | MessageTree) as MessageTree);
  }
  return picked;
}

/** `base` with `added` merged in, deeply; neither argument is changed. */
export function mergeMessages(base: MessageTree, added: MessageTree): MessageTree {
  return mergeInto({ ...base }, added);
}

/**
 * Merges `added` into `target`, which must be a fresh object: a nested
 * object of `target` is copied before it is written to, so the catalogue
 * and the objects a provider received are never changed.
 */
function mergeInto(target: MessageTree, added: MessageTree): MessageTree {
  for (const [key, value] of Object.entries(added)) {
    const existing = target[key];
    target[key] = isTree(value) && isTree(existing) ? mergeInto({ ...existing }, value) : value;
  }
  return target;
}
