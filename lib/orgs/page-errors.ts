import "server-only";
import { notFound } from "next/navigation";
import { ForbiddenError, NotFoundError } from "@/lib/errors/domain-error";

/**
 * For pages under /o/[slug]: runs the page's domain function and turns
 * NotFoundError (not a member, or no such organisation or row) into Next's
 * 404. With `allowForbidden`, a member whose role lacks the permission gets
 * `{ forbidden: true }` so the page can say so instead of failing.
 */
export async function loadOrNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function loadOrForbidden<T>(load: () => Promise<T>): Promise<{ forbidden: false; value: T } | { forbidden: true }> {
  try {
    return { forbidden: false, value: await loadOrNotFound(load) };
  } catch (error) {
    if (error instanceof ForbiddenError) return { forbidden: true };
    throw error;
  }
}
