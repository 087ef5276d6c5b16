import { describe, expect, it } from "vitest";
import { buildTermStats, cosine, idf, shorten, splitClauses, stem, termVector, tokenize } from "./text";

describe("tokenize", () => {
  it("lower-cases, drops punctuation, numbers, stop-words and accents", () => {
    expect(tokenize("A Nordic clinical-trial network of 14 university hospitals, and Pôles!").map((t) => t.word)).toEqual([
      "nordic",
      "clinical",
      "trial",
      "network",
      "university",
      "hospitals",
      "poles",
    ]);
  });

  it("reads Russian: ё is е, stop-words go, й stays", () => {
    expect(tokenize("Ищем партнёров для клинических исследований и новый проект").map((t) => t.word)).toEqual([
      "партнеров",
      "клинических",
      "исследований",
      "новый",
      "проект",
    ]);
  });

  it("stays cheap and safe on hostile input", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize("%%% \\ & | ! :* \u0000")).toEqual([]);
    expect(tokenize("x".repeat(100_000))).toHaveLength(1);
  });
});

describe("stem", () => {
  it("maps English inflections to one stem", () => {
    expect(stem("networks")).toBe(stem("network"));
    expect(stem("technologies")).toBe(stem("technology"));
    expect(stem("devices")).toBe(stem("device"));
    expect(stem("manufacturing")).toBe(stem("manufacturer"));
    expect(stem("processes")).toBe(stem("process"));
    expect(stem("ai")).toBe("ai");
  });

  it("maps Russian case endings to one stem", () => {
    expect(stem("исследований")).toBe(stem("исследования"));
    expect(stem("клинических")).toBe(stem("клинические"));
    expect(stem("партнеров")).toBe(stem("партнеры"));
    expect(stem("кластер")).toBe(stem("кластеров"));
  });
});

describe("TF-IDF cosine", () => {
  const stats = buildTermStats([
    "clinical trial network for hospitals",
    "software partners for AI",
    "partners for wine export",
    "partners for clinical research",
    "партнёры для клинических исследований",
  ]);

  it("gives a word in every document no weight, a rare one much", () => {
    expect(idf(stats, stem("partners"))).toBeLessThan(idf(stats, stem("wine")));
    const nine = buildTermStats([...Array.from({ length: 8 }, (_, i) => `alpha word${"abcdefgh"[i]}`), "alpha beta"]);
    expect(idf(nine, stem("alpha"))).toBeLessThan(0.11);
    expect(idf(nine, stem("beta"))).toBeGreaterThan(2);
    // Unseen words weigh like words seen once.
    expect(idf(nine, stem("gamma"))).toBe(idf(nine, stem("beta")));
  });

  it("is 1 for the same text, 0 for nothing in common, in between otherwise", () => {
    const a = termVector("clinical trial network", stats);
    expect(cosine(a, termVector("Clinical trials networks", stats))).toBeCloseTo(1, 5);
    expect(cosine(a, termVector("wine export", stats))).toBe(0);
    const partial = cosine(a, termVector("a clinical research network", stats));
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(1);
    expect(cosine(termVector("", stats), a)).toBe(0);
  });

  it("matches Russian with Russian across case endings", () => {
    const a = termVector("клинические исследования", stats);
    expect(cosine(a, termVector("клинических исследований", stats))).toBeCloseTo(1, 5);
  });
});

describe("splitClauses and shorten", () => {
  it("splits an offer into quotable parts and keeps list tails together", () => {
    expect(
      splitClauses("AI and machine-learning partners for drug discovery, and venture investment from the USA; buyers in Japan, Korea and the USA."),
    ).toEqual(["AI and machine-learning partners for drug discovery", "venture investment from the USA", "buyers in Japan, Korea and the USA"]);
    expect(splitClauses("Партнёры для проектов, а также инвесторы.")).toEqual(["Партнёры для проектов", "инвесторы"]);
  });

  it("cuts long text at a word with an ellipsis", () => {
    expect(shorten("short")).toBe("short");
    const long = shorten("word ".repeat(40), 30);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long.endsWith("…")).toBe(true);
  });
});
