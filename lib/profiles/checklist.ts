/**
 * ECCP's verification criteria, as a checklist the review queue shows next
 * to each profile: at least 0.5 FTE of cluster management, at least 15
 * members, members of at least two kinds (the triple helix), a website. A
 * national or regional support programme can stand in for them.
 */
export type ChecklistInput = {
  managementFte: number;
  membersSme: number;
  membersLarge: number;
  membersResearch: number;
  membersUniversity: number;
  membersPublic: number;
  membersOther: number;
  website: string | null;
  supportProgrammes: string;
};

export type ChecklistItem = "managementFte" | "members" | "memberKinds" | "website" | "supportProgramme";

export type Checklist = {
  items: { item: ChecklistItem; met: boolean }[];
  /** All four criteria met, or a support programme stands in. */
  meetsCriteria: boolean;
};

export const MIN_MANAGEMENT_FTE = 0.5;
export const MIN_MEMBERS = 15;
export const MIN_MEMBER_KINDS = 2;

export function memberCounts(p: ChecklistInput): number[] {
  return [p.membersSme, p.membersLarge, p.membersResearch, p.membersUniversity, p.membersPublic, p.membersOther];
}

export function evaluateChecklist(p: ChecklistInput): Checklist {
  const counts = memberCounts(p);
  const total = counts.reduce((a, b) => a + b, 0);
  const kinds = counts.filter((n) => n > 0).length;
  const core: { item: ChecklistItem; met: boolean }[] = [
    { item: "managementFte", met: p.managementFte >= MIN_MANAGEMENT_FTE },
    { item: "members", met: total >= MIN_MEMBERS },
    { item: "memberKinds", met: kinds >= MIN_MEMBER_KINDS },
    { item: "website", met: Boolean(p.website) },
  ];
  const supportProgramme = p.supportProgrammes.trim().length > 0;
  return {
    items: [...core, { item: "supportProgramme", met: supportProgramme }],
    meetsCriteria: core.every((c) => c.met) || supportProgramme,
  };
}
