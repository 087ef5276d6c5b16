import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors/domain-error";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { logger } from "@/lib/log/logger";
import { wellFormedInput } from "@/lib/security/well-formed";

/**
 * Every server action goes through one of these wrappers, which give it the
 * same steps: parse the input with zod, load the session, run the domain
 * function, and turn expected errors into a translated message. Unexpected
 * errors are logged and shown as a generic message: never a stack trace.
 *
 * Organisation-scoped domain functions check the acting membership and the
 * permission themselves (lib/orgs/membership.ts `requireMembership`), so the
 * same rule holds when they are called from a test, a route handler or a job.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

type PublicContext = { ip: string };
type UserContext = PublicContext & { user: SessionUser };

function toObject(input: unknown): unknown {
  if (typeof FormData !== "undefined" && input instanceof FormData) {
    const result: Record<string, unknown> = {};
    for (const [key, value] of input.entries()) {
      if (key.startsWith("$ACTION")) continue; // React's own fields
      result[key] = typeof value === "string" ? value : value;
    }
    return result;
  }
  return input;
}

async function translate(key: string, values?: Record<string, string | number>): Promise<string> {
  const t = await getTranslations();
  // Keys are computed (DomainError, zod messages), so they cannot be checked
  // at compile time; a missing one falls back to the generic message.
  return t.has(key as never) ? t(key as never, values as never) : t("errors.generic");
}

async function run<S extends z.ZodType, T>(
  schema: S,
  rawInput: unknown,
  body: (input: z.output<S>, ip: string) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const parsed = schema.safeParse(wellFormedInput(toObject(rawInput)));
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path.join(".") || "_form";
        if (fieldErrors[field]) continue;
        // Schemas use message keys; zod's own messages (wrong type, missing
        // field) fall back to a generic "invalid" in the user's language.
        fieldErrors[field] = await translate(issue.message.includes(".") ? issue.message : "errors.invalidField");
      }
      return { ok: false, error: await translate("errors.invalidInput"), fieldErrors };
    }
    const ip = clientIpFromHeaders(await headers());
    return { ok: true, data: await body(parsed.data, ip) };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are not errors
    if (error instanceof DomainError) {
      const message = await translate(error.messageKey, error.values);
      return { ok: false, error: message, fieldErrors: error.field ? { [error.field]: message } : undefined };
    }
    logger.error("action failed", { error });
    return { ok: false, error: await translate("errors.generic") };
  }
}

/** An action anyone may call (sign-up, password reset request). */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, ctx: PublicContext) => Promise<T>,
) {
  return (input: unknown): Promise<ActionResult<T>> => run(schema, input, (parsed, ip) => handler(parsed, { ip }));
}

/** An action for a signed-in user, outside any organisation. */
export function userAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, ctx: UserContext) => Promise<T>,
) {
  return (input: unknown): Promise<ActionResult<T>> =>
    run(schema, input, async (parsed, ip) => {
      const user = await getSessionUser();
      if (!user) throw new DomainError("errors.signedOut");
      return handler(parsed, { ip, user });
    });
}

/** An action for platform administrators only; others get "not found". */
export function platformAdminAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, ctx: UserContext) => Promise<T>,
) {
  return (input: unknown): Promise<ActionResult<T>> =>
    run(schema, input, async (parsed, ip) => {
      const user = await getSessionUser();
      if (!user?.isPlatformAdmin) throw new DomainError("errors.notFound");
      return handler(parsed, { ip, user });
    });
}
