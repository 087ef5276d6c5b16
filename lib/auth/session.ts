import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { authOptions } from "./options";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: string;
  isPlatformAdmin: boolean;
  emailVerifiedAt: Date | null;
};

/** The signed-in user of this request, or null. Read once per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  return getDb().user.findFirst({
    where: { id, suspendedAt: null },
    select: { id: true, email: true, name: true, locale: true, isPlatformAdmin: true, emailVerifiedAt: true },
  });
});

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
