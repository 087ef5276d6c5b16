"use client";

import type { RowData } from "@tanstack/react-table";

import { DataTable, type DataTableColumnDef } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";

export interface AdminSearchTableProps<TData extends RowData> {
  caption: string;
  columns: ReadonlyArray<DataTableColumnDef<TData>>;
  data: TData[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
  /** The search text; decides which empty state is shown. */
  query: string;
  emptyTitle: string;
  noMatchesTitle: string;
  noMatchesDescription: string;
}

/**
 * The admin area's lists (users, organisations): a server-paginated table
 * whose empty state says whether the search or the platform is empty.
 */
export function AdminSearchTable<TData extends RowData & { id: string }>({
  query,
  emptyTitle,
  noMatchesTitle,
  noMatchesDescription,
  ...table
}: AdminSearchTableProps<TData>) {
  return (
    <DataTable
      {...table}
      sort={null}
      getRowId={(row) => row.id}
      emptyState={
        query ? <EmptyState title={noMatchesTitle} description={noMatchesDescription} /> : <EmptyState title={emptyTitle} />
      }
    />
  );
}
