import { describe, expect, it } from "vitest";
import { buildTermStats } from "./text";
import { buildCandidateTextQuery, MAX_QUERY_PAIRS } from "./text-query";

const corpus = [
  "Clinical-trial networks and biobanks.",
  "Venture investment for biotech companies.",
  "Partners for market entry in Asia.",
  "Partners for wine export.",
  "Partners for offshore wind.",
  "Software development partners.",
  "Partners for hydrogen projects.",
  "Cybersecurity audits and training.",
];
const stats = buildTermStats(corpus);

describe("buildCandidateTextQuery", () => {
  it("joins the two most telling words of each clause with AND, the clauses with OR", () => {
    const query = buildCandidateTextQuery(
      { offers: "A clinical-trial network with biobanks.", seeks: "Venture investment; partners for market entry." },
      { stats, population: corpus.length },
      { budgetRows: 1000 },
    );
    expect(query).not.toBeNull();
    // "partners" is in most documents: never a query word.
    expect(query!.tsquery).not.toMatch(/partner/);
    expect(query!.pairs).toEqual(expect.arrayContaining([expect.arrayContaining(["venture", "investment"])]));
    expect(query!.tsquery).toMatch(/^(\([a-z]+ & [a-z]+\)|[a-z]+)( \| (\([a-z]+ & [a-z]+\)|[a-z]+))*$/);
  });

  it("stops adding clauses, rarest first, when the expected matches exceed the budget", () => {
    const texts = { offers: "clinical trial; venture investment; market entry; cybersecurity audits", seeks: "" };
    const wide = buildCandidateTextQuery(texts, { stats, population: corpus.length }, { budgetRows: 1000 })!;
    const narrow = buildCandidateTextQuery(texts, { stats, population: 100_000 }, { budgetRows: 13_000 })!;
    expect(wide.pairs.length).toBe(4);
    expect(narrow.pairs.length).toBeLessThan(wide.pairs.length);
    expect(narrow.pairs.length).toBeGreaterThanOrEqual(1);
  });

  it("has no query for empty or stop-word-only texts, and never an operator from the input", () => {
    expect(buildCandidateTextQuery({ offers: "", seeks: "" }, { stats, population: 8 }, { budgetRows: 100 })).toBeNull();
    expect(buildCandidateTextQuery({ offers: "and the of", seeks: "!!! & | :*" }, { stats, population: 8 }, { budgetRows: 100 })).toBeNull();
    const hostile = buildCandidateTextQuery({ offers: "biobanks' & !trial | (x):* <-> «ёлка»", seeks: "" }, { stats, population: 8 }, { budgetRows: 100 })!;
    expect(hostile.tsquery).toMatch(/^[\p{L}\p{N} &|()]+$/u);
  });

  it("estimates matches from the whole search text when it has those frequencies", () => {
    // "biobanks" is rare in offers and needs but, say, in every description: one pair, not two.
    const searchStats = buildTermStats(corpus.map((text) => `${text} biobanks venture`));
    const texts = { offers: "biobanks; venture investment", seeks: "" };
    expect(buildCandidateTextQuery(texts, { stats, population: 8 }, { budgetRows: 4 })!.pairs.length).toBe(2);
    expect(buildCandidateTextQuery(texts, { stats, searchStats, population: 8 }, { budgetRows: 4 })!.pairs.length).toBe(1);
  });

  it("keeps at most MAX_QUERY_PAIRS pairs", () => {
    const many = Array.from({ length: 30 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i} other${i}`).join("; ");
    const query = buildCandidateTextQuery({ offers: many, seeks: "" }, { stats, population: 8 }, { budgetRows: 1e9 })!;
    expect(query.pairs.length).toBe(MAX_QUERY_PAIRS);
  });
});
