/**
 * One invented cluster organisation of the demo data (prisma/demo/clusters.ts).
 * Codes refer to lib/profiles/taxonomy-seed.ts; countries are ISO 3166-1 alpha-2.
 */
export type DemoCluster = {
  slug: string;
  name: string;
  acronym?: string;
  country: string;
  region: string;
  city: string;
  latitude: number;
  longitude: number;
  yearFounded: number;
  website: string;
  contact: { name: string; role: string; email: string };
  descriptionEn: string;
  descriptionRu: string;
  /** What the cluster offers partners (short, English). */
  offers: string;
  /** What the cluster seeks from partners (short, English). */
  seeks: string;
  ecosystems: string[];
  sectors: string[];
  keywords: string[];
  tags: string[];
  members: { sme: number; large: number; research: number; university: number; public: number; other: number };
  managementFte: number;
  label: "NONE" | "BRONZE" | "SILVER" | "GOLD";
  targetCountries: string[];
  /** 1 members go abroad through the cluster … 4 a global community around the cluster. */
  internationalisationLevel: 1 | 2 | 3 | 4;
  supportProgrammes: string;
  /** APPROVED: public; PENDING: waiting in the review queue; DRAFT: not submitted. */
  status: "APPROVED" | "PENDING" | "DRAFT";
};
