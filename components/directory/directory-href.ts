import { directoryQueryToSearchParams, type TDirectoryQuery } from "@/lib/directory/schemas";

export type DirectoryView = "table" | "map";

export const DIRECTORY_PATH = "/clusters";

/** `?view=map` shows the map; anything else the table. */
export function parseDirectoryView(raw: string | string[] | undefined): DirectoryView {
  return (Array.isArray(raw) ? raw[0] : raw) === "map" ? "map" : "table";
}

/**
 * The directory URL of a query and view, in the engine's canonical form
 * (defaults left out), so a link reproduces the view. The map shows every
 * result at once: no page number.
 */
export function directoryHref(query: Partial<TDirectoryQuery>, view: DirectoryView): string {
  const params = directoryQueryToSearchParams(view === "map" ? { ...query, page: 1 } : query);
  if (view === "map") params.set("view", "map");
  const search = params.toString();
  return search ? `${DIRECTORY_PATH}?${search}` : DIRECTORY_PATH;
}
