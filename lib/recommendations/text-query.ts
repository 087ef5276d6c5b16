/**
 * The full-text query that finds candidates whose texts meet ours: for each
 * clause of our needs and offers, its two most telling words (highest IDF)
 * joined by AND, the clauses joined by OR ("(clinical & trial) | (venture &
 * investment)"), for to_tsquery in the directory's text search configuration
 * (the profile's "searchVector" holds the offers and needs, with names,
 * keywords and descriptions). Pure.
 *
 * At scale every matching row costs a little (the GIN index hands over all
 * of them before any LIMIT applies), so clauses are added rarest first while
 * the expected number of matching profiles stays under `budgetRows`.
 */
import { idf, splitClauses, tokenize, type TermStats } from "./text";

/** A word needs at least this IDF to stand for a clause ("partners", "cluster" never do). */
export const MIN_QUERY_IDF = 0.7;
/** At most this many AND-pairs. */
export const MAX_QUERY_PAIRS = 8;

export type TextQuery = { tsquery: string; pairs: string[][]; estimatedRows: number };

export function buildCandidateTextQuery(
  texts: { offers: string; seeks: string },
  corpus: {
    /** Word weights (IDF) over offers and needs: which words tell. */
    stats: TermStats;
    /** Frequencies over everything the search vector holds: how many profiles a word matches. */
    searchStats?: TermStats;
    /** How many published profiles the statistics stand for. */
    population: number;
  },
  options: { budgetRows: number },
): TextQuery | null {
  const { stats } = corpus;
  const matchStats = corpus.searchStats ?? stats;
  const candidates = new Map<string, { words: string[]; df: number }>();
  for (const clause of [...splitClauses(texts.seeks), ...splitClauses(texts.offers)]) {
    const seen = new Set<string>();
    const words = tokenize(clause)
      .filter((t) => {
        if (seen.has(t.stem) || idf(stats, t.stem) < MIN_QUERY_IDF) return false;
        seen.add(t.stem);
        // Only letters and digits reach the query text: nothing to_tsquery could read as an operator.
        return /^[\p{L}\p{N}]+$/u.test(t.word);
      })
      .sort((a, b) => idf(stats, b.stem) - idf(stats, a.stem) || a.word.localeCompare(b.word))
      .slice(0, 2);
    if (words.length === 0) continue;
    const key = words.map((w) => w.stem).sort().join(" ");
    if (candidates.has(key)) continue;
    // Words of one clause tend to come together: the rarer word's count is the pair's estimate.
    const df = Math.min(...words.map((w) => matchStats.df.get(w.stem) ?? 0));
    candidates.set(key, { words: words.map((w) => w.word), df });
  }
  const perDocument = matchStats.documents > 0 ? corpus.population / matchStats.documents : 0;
  const sorted = [...candidates.values()].sort((a, b) => a.df - b.df || a.words.join().localeCompare(b.words.join()));
  const pairs: string[][] = [];
  let estimatedRows = 0;
  for (const pair of sorted) {
    const rows = Math.max(1, pair.df) * perDocument;
    if (pairs.length > 0 && estimatedRows + rows > options.budgetRows) break;
    pairs.push(pair.words);
    estimatedRows += rows;
    if (pairs.length >= MAX_QUERY_PAIRS) break;
  }
  if (pairs.length === 0) return null;
  return {
    tsquery: pairs.map((words) => (words.length > 1 ? `(${words.join(" & ")})` : words[0])).join(" | "),
    pairs,
    estimatedRows,
  };
}
