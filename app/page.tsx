import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { TieGlyph, type TieKind } from "@/components/layout/tie-glyph";
import { buttonClasses } from "@/components/ui/button";

const tieKinds: TieKind[] = ["weak", "durable", "covalent"];
const features = ["profile", "match", "requests", "network"] as const;

export default async function HomePage() {
  const t = await getTranslations("Home");
  const ties = await getTranslations("Ties");

  return (
    <>
      <section className="border-b border-line bg-linear-to-b from-brand-50 to-canvas">
        <div className="mx-auto grid max-w-6xl items-center gap-12 px-4 py-14 sm:px-6 sm:py-20 lg:grid-cols-[1.15fr_1fr]">
          <div>
            <p className="inline-flex rounded-full border border-brand-200 bg-surface px-3 py-1 text-sm font-medium text-brand-800">
              {t("eyebrow")}
            </p>
            <h1 className="mt-5 text-3xl font-semibold tracking-tight text-balance text-ink sm:text-4xl lg:text-5xl">{t("title")}</h1>
            <p className="mt-5 max-w-xl text-lg text-pretty text-muted">{t("lead")}</p>
            <div className="mt-8 flex flex-col gap-3 sm:flex-row">
              <Link href="/clusters" className={buttonClasses({ size: "lg" })}>
                {t("primaryCta")}
              </Link>
              <Link href="/signin" className={buttonClasses({ variant: "secondary", size: "lg" })}>
                {t("secondaryCta")}
              </Link>
            </div>
          </div>
          <NetworkIllustration />
        </div>
      </section>

      <section aria-labelledby="ties-title" className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
        <div className="max-w-2xl">
          <h2 id="ties-title" className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">
            {t("tiesTitle")}
          </h2>
          <p className="mt-3 text-pretty text-muted">{t("tiesLead")}</p>
        </div>
        <ol className="mt-10 grid gap-4 md:grid-cols-3 md:gap-6">
          {tieKinds.map((kind, index) => (
            <li key={kind} className="relative flex flex-col rounded-card border border-line bg-surface p-6 shadow-xs">
              <div className="flex items-center justify-between gap-4">
                <TieGlyph kind={kind} />
                <span className="text-xs font-medium tracking-wide text-muted uppercase">
                  {t("tieStep", { step: String(index + 1) })}
                </span>
              </div>
              <h3 className="mt-5 text-lg font-semibold text-ink">{ties(`${kind}.title`)}</h3>
              <p className="mt-1 text-sm font-medium text-brand-800">{ties(`${kind}.summary`)}</p>
              <p className="mt-3 text-sm text-pretty text-muted">{ties(`${kind}.description`)}</p>
              {index < tieKinds.length - 1 ? (
                <span
                  aria-hidden="true"
                  className="absolute top-1/2 -end-5 z-10 hidden size-8 -translate-y-1/2 items-center justify-center rounded-full border border-line bg-surface text-brand-700 md:flex rtl:rotate-180"
                >
                  <svg viewBox="0 0 20 20" fill="currentColor" className="size-4">
                    <path
                      fillRule="evenodd"
                      d="M3 10a.75.75 0 0 1 .75-.75h10.638L10.23 5.29a.75.75 0 1 1 1.04-1.08l5.5 5.25a.75.75 0 0 1 0 1.08l-5.5 5.25a.75.75 0 1 1-1.04-1.08l4.158-3.96H3.75A.75.75 0 0 1 3 10Z"
                      clipRule="evenodd"
                    />
                  </svg>
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="for-whom-title" className="border-y border-line bg-surface">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
          <div className="max-w-2xl">
            <h2 id="for-whom-title" className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">
              {t("forWhomTitle")}
            </h2>
            <p className="mt-3 text-pretty text-muted">{t("forWhomLead")}</p>
          </div>
          <ul className="mt-10 grid gap-x-10 gap-y-8 sm:grid-cols-2">
            {features.map((feature) => (
              <li key={feature} className="flex gap-4">
                <span
                  aria-hidden="true"
                  className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-700"
                >
                  {featureIcons[feature]}
                </span>
                <div>
                  <h3 className="font-semibold text-ink">{t(`features.${feature}.title`)}</h3>
                  <p className="mt-1 text-sm text-pretty text-muted">{t(`features.${feature}.description`)}</p>
                </div>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section aria-labelledby="cta-title" className="mx-auto max-w-6xl px-4 pt-16 sm:px-6">
        <div className="flex flex-col items-start gap-6 rounded-card bg-brand-800 px-6 py-10 text-white sm:px-10 md:flex-row md:items-center md:justify-between">
          <div className="max-w-xl">
            <h2 id="cta-title" className="text-2xl font-semibold tracking-tight text-balance">
              {t("ctaTitle")}
            </h2>
            <p className="mt-2 text-pretty text-brand-100">{t("ctaLead")}</p>
          </div>
          <Link
            href="/clusters"
            className={buttonClasses({
              variant: "secondary",
              size: "lg",
              className: "border-transparent focus-visible:outline-white",
            })}
          >
            {t("ctaButton")}
          </Link>
        </div>
      </section>
    </>
  );
}

const iconProps = {
  viewBox: "0 0 24 24",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 1.6,
  strokeLinecap: "round",
  strokeLinejoin: "round",
  className: "size-5",
} as const;

const featureIcons: Record<(typeof features)[number], ReactNode> = {
  profile: (
    <svg {...iconProps}>
      <path d="M9 12.75 11.25 15 15 9.75M21 12c0 1.268-.63 2.39-1.593 3.068a3.745 3.745 0 0 1-1.043 3.296 3.745 3.745 0 0 1-3.296 1.043A3.745 3.745 0 0 1 12 21c-1.268 0-2.39-.63-3.068-1.593a3.746 3.746 0 0 1-3.296-1.043 3.745 3.745 0 0 1-1.043-3.296A3.745 3.745 0 0 1 3 12c0-1.268.63-2.39 1.593-3.068a3.745 3.745 0 0 1 1.043-3.296 3.746 3.746 0 0 1 3.296-1.043A3.746 3.746 0 0 1 12 3c1.268 0 2.39.63 3.068 1.593a3.746 3.746 0 0 1 3.296 1.043 3.746 3.746 0 0 1 1.043 3.296A3.745 3.745 0 0 1 21 12Z" />
    </svg>
  ),
  match: (
    <svg {...iconProps}>
      <path d="M12 21a9.004 9.004 0 0 0 8.716-6.747M12 21a9.004 9.004 0 0 1-8.716-6.747M12 21c2.485 0 4.5-4.03 4.5-9S14.485 3 12 3m0 18c-2.485 0-4.5-4.03-4.5-9S9.515 3 12 3m0 0a8.997 8.997 0 0 1 7.843 4.582M12 3a8.997 8.997 0 0 0-7.843 4.582m15.686 0A11.953 11.953 0 0 1 12 10.5c-2.998 0-5.74-1.1-7.843-2.918m15.686 0A8.959 8.959 0 0 1 21 12c0 .778-.099 1.533-.284 2.253m0 0A17.919 17.919 0 0 1 12 16.5c-3.162 0-6.133-.815-8.716-2.247m0 0A9.015 9.015 0 0 1 3 12c0-1.605.42-3.113 1.157-4.418" />
    </svg>
  ),
  requests: (
    <svg {...iconProps}>
      <path d="M20.25 8.511c.884.284 1.5 1.128 1.5 2.097v4.286c0 1.136-.847 2.1-1.98 2.193-.34.027-.68.052-1.02.072v3.091l-3-3c-1.354 0-2.694-.055-4.02-.163a2.115 2.115 0 0 1-.825-.242m9.345-8.334a2.126 2.126 0 0 0-.476-.095 48.64 48.64 0 0 0-8.048 0c-1.131.094-1.976 1.057-1.976 2.192v4.286c0 .837.46 1.58 1.155 1.951m9.345-8.334V6.637c0-1.621-1.152-3.026-2.76-3.235A48.455 48.455 0 0 0 11.25 3c-2.115 0-4.198.137-6.24.402-1.608.209-2.76 1.614-2.76 3.235v6.226c0 1.621 1.152 3.026 2.76 3.235.577.075 1.157.14 1.74.194V21l4.155-4.155" />
    </svg>
  ),
  network: (
    <svg {...iconProps}>
      <circle cx="6" cy="7" r="2.25" />
      <circle cx="18" cy="6" r="2.25" />
      <circle cx="12" cy="17" r="2.25" />
      <path d="M8.2 7.4 15.8 6.3M7.2 9 10.8 15M16.9 8 13.2 15" />
    </svg>
  ),
};

/** Decorative: clusters in several countries joined by ties of each strength. */
function NetworkIllustration() {
  const nodes = [
    { x: 70, y: 70, r: 20 },
    { x: 250, y: 50, r: 16 },
    { x: 330, y: 170, r: 22 },
    { x: 150, y: 200, r: 26 },
    { x: 60, y: 300, r: 16 },
    { x: 270, y: 310, r: 18 },
  ];
  return (
    <div aria-hidden="true" className="mx-auto hidden w-full max-w-md lg:block">
      <svg viewBox="0 0 400 370" className="w-full">
        <defs>
          <radialGradient id="node-fill" cx="50%" cy="40%" r="60%">
            <stop offset="0%" stopColor="var(--color-surface)" />
            <stop offset="100%" stopColor="var(--color-brand-50)" />
          </radialGradient>
        </defs>
        {/* weak ties */}
        <g stroke="var(--color-tie-weak)" strokeWidth="2.5" strokeDasharray="5 7" strokeLinecap="round">
          <line x1="70" y1="70" x2="250" y2="50" />
          <line x1="60" y1="300" x2="150" y2="200" />
          <line x1="250" y1="50" x2="330" y2="170" />
        </g>
        {/* durable ties */}
        <g stroke="var(--color-tie-durable)" strokeWidth="2.5" strokeLinecap="round">
          <line x1="66" y1="74" x2="146" y2="204" />
          <line x1="74" y1="66" x2="154" y2="196" />
          <line x1="150" y1="196" x2="270" y2="306" />
          <line x1="150" y1="204" x2="270" y2="314" />
        </g>
        {/* covalent tie */}
        <g stroke="var(--color-tie-covalent)" strokeWidth="2.5" strokeLinecap="round">
          <line x1="150" y1="192" x2="330" y2="162" />
          <line x1="150" y1="200" x2="330" y2="170" />
          <line x1="150" y1="208" x2="330" y2="178" />
        </g>
        {nodes.map((node) => (
          <g key={`${node.x}-${node.y}`}>
            <circle cx={node.x} cy={node.y} r={node.r} fill="url(#node-fill)" stroke="var(--color-brand-600)" strokeWidth="2.5" />
            <circle cx={node.x} cy={node.y} r={node.r / 3.2} fill="var(--color-brand-700)" />
          </g>
        ))}
      </svg>
    </div>
  );
}
