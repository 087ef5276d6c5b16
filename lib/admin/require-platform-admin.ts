import "server-only";
import { notFound } from "next/navigation";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";

/**
 * For pages under /admin: the signed-in platform administrator, or Next's 404
 * for everyone else (visitors included). Not a redirect to the sign-in page:
 * the area does not reveal that it exists.
 */
export async function requirePlatformAdminPage(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user?.isPlatformAdmin) notFound();
  return user;
}
