// Geometry of the network picture (network-picture.tsx): pure functions, no
// React, so that the layout can be tested and the SVG is drawn on the server
// without any network access or drawing library.

import type { TieStrength } from "@/lib/partnerships/schemas";

export const PICTURE = { width: 760, height: 560, cx: 380, cy: 280, centerRadius: 26 } as const;

/** Stronger ties sit closer to the centre. */
export const RING_RADIUS: Record<TieStrength, number> = { COVALENT: 105, DURABLE: 165, WEAK: 225 };
const LABEL_RADIUS = 258;

/** Parallel strokes per tie, like the bond glyph: one dashed, two, three. */
export const TIE_STROKES: Record<TieStrength, number[]> = { WEAK: [0], DURABLE: [-2.5, 2.5], COVALENT: [-4, 0, 4] };

export type PictureInput = { id: string; name: string; country: string; tie: TieStrength };

export type PlacedPartner = PictureInput & {
  x: number;
  y: number;
  r: number;
  /** Strokes from the centre's edge to the partner's edge, offset sideways for double and triple bonds. */
  strokes: { x1: number; y1: number; x2: number; y2: number }[];
  label: { x: number; y: number; anchor: "start" | "middle" | "end" } | null;
};

export type PlacedCountry = { country: string; count: number; x: number; y: number; anchor: "start" | "middle" | "end" };

const round = (n: number) => Math.round(n * 10) / 10;

function anchorFor(angle: number): "start" | "middle" | "end" {
  const c = Math.cos(angle);
  return Math.abs(c) < 0.2 ? "middle" : c > 0 ? "start" : "end";
}

/**
 * Places the partners around the centre: countries take contiguous sectors
 * (the most partners first, clockwise from the top), each partner gets an
 * equal angle, and its distance from the centre says the tie's strength.
 * Partner names are written only when few enough to stay readable; every
 * node has a <title> either way.
 */
export function layoutNetwork(partners: PictureInput[], options: { labelLimit?: number } = {}) {
  const labelLimit = options.labelLimit ?? 14;
  const groups = new Map<string, PictureInput[]>();
  for (const partner of partners) groups.set(partner.country, [...(groups.get(partner.country) ?? []), partner]);
  const strength: Record<TieStrength, number> = { COVALENT: 0, DURABLE: 1, WEAK: 2 };
  const ordered = [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([country, members]) => ({
      country,
      // Within a country, the strongest ties in the middle of the sector read best; keep it simple: strongest first.
      members: [...members].sort((a, b) => strength[a.tie] - strength[b.tie] || a.name.localeCompare(b.name)),
    }));

  const total = partners.length;
  const slot = total > 0 ? (2 * Math.PI) / total : 0;
  const nodeRadius = Math.max(5, Math.min(12, 520 / Math.max(total, 1)));
  const start = -Math.PI / 2;
  const { cx, cy, centerRadius } = PICTURE;

  const placed: PlacedPartner[] = [];
  const countries: PlacedCountry[] = [];
  let index = 0;
  for (const group of ordered) {
    const first = index;
    for (const partner of group.members) {
      const angle = start + (index + 0.5) * slot;
      const ring = RING_RADIUS[partner.tie];
      const ux = Math.cos(angle);
      const uy = Math.sin(angle);
      const x = cx + ring * ux;
      const y = cy + ring * uy;
      // Perpendicular to the spoke, for the parallel strokes of a double or triple bond.
      const px = -uy;
      const py = ux;
      const strokes = TIE_STROKES[partner.tie].map((offset) => ({
        x1: round(cx + centerRadius * ux + offset * px),
        y1: round(cy + centerRadius * uy + offset * py),
        x2: round(x - nodeRadius * ux + offset * px),
        y2: round(y - nodeRadius * uy + offset * py),
      }));
      const labelDistance = ring + nodeRadius + 6;
      placed.push({
        ...partner,
        x: round(x),
        y: round(y),
        r: round(nodeRadius),
        strokes,
        label:
          total <= labelLimit
            ? { x: round(cx + labelDistance * ux), y: round(cy + labelDistance * uy + 4), anchor: anchorFor(angle) }
            : null,
      });
      index += 1;
    }
    const mid = start + ((first + index) / 2) * slot;
    countries.push({
      country: group.country,
      count: group.members.length,
      x: round(cx + LABEL_RADIUS * Math.cos(mid)),
      y: round(cy + LABEL_RADIUS * Math.sin(mid) + 4),
      anchor: anchorFor(mid),
    });
  }
  // Country labels would sit on the partner labels when both are written.
  return { partners: placed, countries: total <= labelLimit ? [] : countries, sectors: ordered.length > 1 ? sectorLines(ordered, slot, start) : [] };
}

/** Faint lines between country sectors. */
function sectorLines(groups: { members: unknown[] }[], slot: number, start: number) {
  const { cx, cy, centerRadius } = PICTURE;
  const lines: { x1: number; y1: number; x2: number; y2: number }[] = [];
  let index = 0;
  for (const group of groups) {
    const angle = start + index * slot;
    lines.push({
      x1: round(cx + (centerRadius + 14) * Math.cos(angle)),
      y1: round(cy + (centerRadius + 14) * Math.sin(angle)),
      x2: round(cx + (LABEL_RADIUS - 18) * Math.cos(angle)),
      y2: round(cy + (LABEL_RADIUS - 18) * Math.sin(angle)),
    });
    index += group.members.length;
  }
  return lines;
}

/** Names longer than this are shortened in the picture (the full name is in its <title> and in the table). */
export function shortName(name: string, max = 18): string {
  return name.length > max ? `${name.slice(0, max - 1).trimEnd()}…` : name;
}
