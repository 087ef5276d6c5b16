import "server-only";
import { getEnv } from "@/lib/env";

/** A path on this site as a full URL on the public base address (APP_URL), for API consumers. */
export function absoluteUrl(path: string): string {
  return `${getEnv().appUrl}${path}`;
}
