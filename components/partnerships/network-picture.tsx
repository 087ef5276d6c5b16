import { useTranslations } from "next-intl";
import { useId } from "react";

import { TieGlyph } from "@/components/layout/tie-glyph";
import type { NetworkSummary } from "@/lib/partnerships/queries";
import { TIE_STRENGTHS, tieKind, type TieStrength } from "@/lib/partnerships/schemas";
import { PICTURE, RING_RADIUS, layoutNetwork, shortName } from "./network-layout";

const TIE_COLOR: Record<TieStrength, string> = {
  WEAK: "var(--color-tie-weak)",
  DURABLE: "var(--color-tie-durable)",
  COVALENT: "var(--color-tie-covalent)",
};

/**
 * The network as a picture, drawn on the server as plain SVG: our
 * organisation in the centre, partners grouped by country around it, nearer
 * for stronger ties, each joined by a bond drawn like the tie glyph (dashed
 * single, double, triple line). It is one image for assistive technology
 * (role="img" with a summary); the table on the same page is its text
 * alternative.
 */
export function NetworkPicture({ summary }: { summary: NetworkSummary }) {
  const t = useTranslations("Network");
  const ties = useTranslations("partnerships.ties");
  const titleId = useId();
  const { partners, countries, sectors } = layoutNetwork(summary.picture);
  const { width, height, cx, cy, centerRadius } = PICTURE;
  const label = t("pictureLabel", {
    org: summary.organization.name,
    count: summary.total,
    weak: summary.byTie.WEAK,
    durable: summary.byTie.DURABLE,
    covalent: summary.byTie.COVALENT,
    countries: summary.byCountry.length,
  });

  return (
    <figure className="flex flex-col gap-3">
      <div className="overflow-hidden rounded-lg border border-line bg-canvas">
        <svg
          role="img"
          aria-labelledby={titleId}
          viewBox={`0 0 ${width} ${height}`}
          className="h-auto w-full"
          data-testid="network-picture"
        >
          <title id={titleId}>{label}</title>
          <g fill="none" stroke="var(--color-line)" strokeWidth="1" strokeDasharray="2 5">
            {TIE_STRENGTHS.map((tie) => (
              <circle key={tie} cx={cx} cy={cy} r={RING_RADIUS[tie]} />
            ))}
          </g>
          <g stroke="var(--color-line)" strokeWidth="1">
            {sectors.map((line, i) => (
              <line key={i} {...line} />
            ))}
          </g>
          {partners.map((partner) => (
            <g key={partner.id} data-tie={partner.tie}>
              <title>{`${partner.name} (${partner.country}): ${ties(partner.tie)}`}</title>
              <g
                stroke={TIE_COLOR[partner.tie]}
                strokeWidth={partner.tie === "WEAK" ? 2 : 1.75}
                strokeLinecap="round"
                strokeDasharray={partner.tie === "WEAK" ? "4 5" : undefined}
              >
                {partner.strokes.map((s, i) => (
                  <line key={i} {...s} />
                ))}
              </g>
              <circle cx={partner.x} cy={partner.y} r={partner.r} fill="var(--color-surface)" stroke={TIE_COLOR[partner.tie]} strokeWidth="2.5" />
              <circle cx={partner.x} cy={partner.y} r={Math.max(2, partner.r / 3)} fill={TIE_COLOR[partner.tie]} />
              {partner.label ? (
                <text
                  x={partner.label.x}
                  y={partner.label.y}
                  textAnchor={partner.label.anchor}
                  fontSize="12"
                  fill="var(--color-ink)"
                >
                  {`${shortName(partner.name, 16)} · ${partner.country}`}
                </text>
              ) : null}
            </g>
          ))}
          {countries.map((c) => (
            <text key={c.country} x={c.x} y={c.y} textAnchor={c.anchor} fontSize="13" fontWeight="600" fill="var(--color-muted)">
              {`${c.country} · ${c.count}`}
            </text>
          ))}
          <circle cx={cx} cy={cy} r={centerRadius} fill="var(--color-brand-50)" stroke="var(--color-brand-700)" strokeWidth="3" />
          <circle cx={cx} cy={cy} r={centerRadius / 3} fill="var(--color-brand-700)" />
          <text x={cx} y={cy + centerRadius + 18} textAnchor="middle" fontSize="13" fontWeight="600" fill="var(--color-brand-900)">
            {shortName(summary.organization.name, 24)}
          </text>
        </svg>
      </div>
      <figcaption className="flex flex-col gap-2 text-sm text-muted">
        <ul aria-label={t("legend")} className="flex flex-wrap gap-x-5 gap-y-1">
          {TIE_STRENGTHS.map((tie) => (
            <li key={tie} className="inline-flex items-center gap-1.5">
              <TieGlyph kind={tieKind(tie)} className="h-5 w-10" />
              <span>{ties(tie)}</span>
            </li>
          ))}
        </ul>
        <p>{t("pictureNote")}</p>
        {summary.picture.length < summary.total ? (
          <p>{t("pictureTruncated", { shown: summary.picture.length, total: summary.total })}</p>
        ) : null}
      </figcaption>
    </figure>
  );
}
