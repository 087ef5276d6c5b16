import type { TDirectoryListItem } from "@/lib/directory/schemas";

/**
 * What the results table shows of a result. The page hands the client table
 * only these fields: they travel in the page's payload, the summary,
 * coordinates and links of the API's items do not.
 */
export type DirectoryTableRow = Pick<
  TDirectoryListItem,
  "slug" | "name" | "acronym" | "countryName" | "region" | "ecosystems" | "membersTotal" | "label"
>;

export function toDirectoryTableRow(item: TDirectoryListItem): DirectoryTableRow {
  const { slug, name, acronym, countryName, region, ecosystems, membersTotal, label } = item;
  return { slug, name, acronym, countryName, region, ecosystems, membersTotal, label };
}
