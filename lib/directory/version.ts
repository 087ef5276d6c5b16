import "server-only";
import { getPgPool } from "@/lib/db/pg-pool";

const VERSION_SQL = { name: "directory-version", text: `SELECT "version"::text AS version FROM "DirectoryVersion" WHERE "id" = 1` };

/**
 * The current "DirectoryVersion", bumped by database triggers in the same
 * transaction as any change the directory shows: one primary-key read, on a
 * plain pg pool as a prepared statement (lib/db/pg-pool.ts; a Prisma call
 * costs several times more on this path). The answer caches of the directory
 * (lib/directory/cache.ts) and of its page (lib/http/page-cache.ts) compare
 * against it.
 */
export async function readDirectoryVersion(): Promise<string | null> {
  const result = await getPgPool("reads").query<{ version: string }>(VERSION_SQL);
  return result.rows[0]?.version ?? null;
}
