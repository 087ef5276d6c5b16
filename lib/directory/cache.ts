/**
 * A small in-process cache of directory answers, valid while
 * "DirectoryVersion" (bumped by triggers in the same transaction as any
 * change the directory shows) is unchanged. A repeated query, the landing
 * view above all, then costs one primary-key read instead of counting facets
 * over up to 100,000 profiles; a change anywhere is seen by the very next
 * request, in every app instance.
 */
const MAX_ENTRIES = 500;

type Entry<T> = { version: string; value: T };

export class VersionedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly maxEntries = MAX_ENTRIES) {}

  /** The value cached under `key` for exactly `version`. */
  get(key: string, version: string | null): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || version === null || entry.version !== version) return undefined;
    // Least recently used goes first: re-insert to move the key to the end.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  set(key: string, version: string | null, value: T): void {
    if (version === null) return;
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
