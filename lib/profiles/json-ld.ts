/**
 * schema.org `Organization` for a public profile page, and its safe
 * serialisation into a <script type="application/ld+json"> element.
 */
export type OrganizationJsonLdInput = {
  name: string;
  acronym: string | null;
  website: string | null;
  logoUrl: string | null;
  pageUrl: string;
  country: string;
  region: string | null;
  city: string | null;
  yearFounded: number | null;
  description: string;
  contactEmail: string | null;
  knowsAbout: string[];
};

export function organizationJsonLd(p: OrganizationJsonLdInput): Record<string, unknown> {
  const address: Record<string, string> = { "@type": "PostalAddress", addressCountry: p.country };
  if (p.region) address.addressRegion = p.region;
  if (p.city) address.addressLocality = p.city;
  return withoutEmpty({
    "@context": "https://schema.org",
    "@type": "Organization",
    "@id": `${p.pageUrl}#organization`,
    name: p.name,
    alternateName: p.acronym,
    url: p.website,
    mainEntityOfPage: p.pageUrl,
    logo: p.logoUrl,
    address,
    foundingDate: p.yearFounded ? String(p.yearFounded) : null,
    description: p.description,
    email: p.contactEmail,
    knowsAbout: p.knowsAbout.length > 0 ? p.knowsAbout : null,
  });
}

function withoutEmpty(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== ""));
}

/**
 * JSON for inside a <script> element. JSON.stringify alone is not enough:
 * a description containing "</script>" would end the element and let the
 * rest run as HTML (stored XSS). Escaping `<`, `>` and `&` as \u003c etc.
 * keeps the same JSON value while no tag can appear; U+2028/U+2029 are
 * escaped for old JavaScript parsers.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll("<", "\\u003c")
    .replaceAll(">", "\\u003e")
    .replaceAll("&", "\\u0026")
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029");
}

/** At most `max` characters, cut at a word boundary with an ellipsis; whitespace collapsed. */
export function summarize(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?–-]+$/, "")}…`;
}
