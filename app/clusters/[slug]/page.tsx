import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { PublicProfileView } from "@/components/profiles/public-profile-view";
import { RequestCooperationSection } from "@/components/requests/request-cooperation-section";
import { serializeJsonLd } from "@/lib/profiles/json-ld";
import { getPublicProfilePage } from "@/lib/profiles/public-profile-page";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const data = await getPublicProfilePage(slug, await getLocale());
  if (!data) notFound();
  const t = await getTranslations("PublicProfile");
  const description = data.summary || t("metaDescriptionFallback", { name: data.name, country: data.country.name });
  return {
    title: data.name,
    description,
    alternates: { canonical: data.pageUrl },
    openGraph: {
      type: "website",
      siteName: "Covalent",
      title: data.name,
      description,
      url: data.pageUrl,
      images: data.logoUrl ? [{ url: data.logoUrl, width: 256, height: 256, alt: t("logoAlt", { name: data.name }) }] : undefined,
    },
  };
}

/** The public profile of a published cluster; an unknown or unpublished slug is a 404. */
export default async function PublicClusterPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const data = await getPublicProfilePage(slug, await getLocale());
  if (!data) notFound();
  const nonce = (await headers()).get("x-nonce") ?? undefined;

  return (
    <>
      {/* The only HTML set by hand on the page: serializeJsonLd escapes "<", so "</script>" in a description cannot end this element.
          It carries the response's CSP nonce (proxy.ts) like every other script element. */}
      <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: serializeJsonLd(data.jsonLd) }} />
      <PublicProfileView data={data} />
      {/* Streams in after the profile: the session and the visitor's organisations are read only here. */}
      <div className="mx-auto max-w-6xl px-4 pb-10 sm:px-6">
        <Suspense>
          <RequestCooperationSection receiver={{ slug: data.slug, name: data.name }} searchParams={searchParams} />
        </Suspense>
      </div>
    </>
  );
}
