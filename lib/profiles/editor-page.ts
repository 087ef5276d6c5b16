import "server-only";
import { countryOptions } from "@/lib/geo/countries";
import type { Locale } from "@/lib/i18n/locale";
import { fileUrl } from "@/lib/storage/file-url";
import { getProfileForEditing } from "./profiles";
import { listTaxonomyOptions } from "./taxonomies";

/**
 * Everything the profile editor (/o/[slug]/profile) shows: the profile and
 * what the actor may do with it (getProfileForEditing: any member may read,
 * editors edit, owners submit), the choices of the taxonomy tables and the
 * countries, labelled in the viewer's language.
 */
export async function getProfileEditorPage(input: { orgSlug: string; locale: Locale }, ctx: { actor: { id: string; email: string } }) {
  const editing = await getProfileForEditing({ orgSlug: input.orgSlug }, ctx);
  const taxonomies = await listTaxonomyOptions(input.locale);
  return {
    ...editing,
    logoUrl: editing.profile.logoKey ? fileUrl(editing.profile.logoKey) : null,
    taxonomies,
    countries: countryOptions(input.locale),
  };
}

export type ProfileEditorPage = Awaited<ReturnType<typeof getProfileEditorPage>>;
