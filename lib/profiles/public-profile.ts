import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";

/**
 * A published profile by slug, for /clusters/[slug]; null for an unknown or
 * unpublished slug (the page answers 404 for both). Only public fields: a
 * name or country change waiting for review is not shown.
 */
export const getPublicProfile = cache(async (slug: string) => {
  if (typeof slug !== "string" || slug.length > 100) return null;
  const org = await getDb().organization.findFirst({
    where: { slug, profile: { status: "APPROVED" } },
    select: {
      id: true,
      name: true,
      slug: true,
      country: true,
      profile: {
        select: {
          acronym: true, region: true, city: true, latitude: true, longitude: true, yearFounded: true, website: true,
          contactName: true, contactRole: true, contactEmail: true, descriptionEn: true, descriptionRu: true,
          offers: true, seeks: true, ecosystems: true, sectors: true, keywords: true, tags: true,
          membersSme: true, membersLarge: true, membersResearch: true, membersUniversity: true, membersPublic: true, membersOther: true,
          managementFte: true, label: true, targetCountries: true, internationalisationLevel: true, supportProgrammes: true,
          logoKey: true, publishedAt: true, updatedAt: true,
        },
      },
    },
  });
  if (!org?.profile) return null;
  return { ...org, profile: { ...org.profile, managementFte: Number(org.profile.managementFte) } };
});

export type PublicProfile = NonNullable<Awaited<ReturnType<typeof getPublicProfile>>>;
