/** Requests per minute per client address for the public API (lib/api/rate-limit.ts; documented in the OpenAPI document). */
export const API_RATE_LIMIT = { points: 120, durationSeconds: 60 } as const;

/** A CSV export reads up to 10,000 rows: it counts as this many requests. */
export const CSV_EXPORT_COST = 10;
