/**
 * Text similarity for recommendations, in English and Russian, without a
 * dictionary: lower-case, strip punctuation and accents, drop stop-words,
 * strip common suffixes (a light stemmer: "networks" = "network",
 * "исследований" = "исследования"), then compare TF-IDF vectors by cosine.
 * Pure: the document frequencies come from the caller (term-stats.ts reads
 * them from the published profiles; tests pass their own).
 */

const STOP_WORDS_EN = [
  "a", "an", "the", "and", "or", "nor", "but", "of", "for", "in", "on", "at", "to", "into", "onto", "from", "by", "with",
  "within", "without", "as", "than", "then", "that", "this", "these", "those", "there", "here", "which", "who", "whom",
  "whose", "what", "when", "where", "how", "why", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does",
  "did", "has", "have", "had", "it", "its", "we", "our", "ours", "us", "you", "your", "they", "their", "them", "he", "she",
  "his", "her", "i", "me", "my", "not", "no", "so", "such", "can", "could", "will", "would", "shall", "should", "may",
  "might", "must", "also", "very", "more", "most", "other", "others", "some", "any", "all", "both", "each", "every",
  "own", "same", "via", "per", "up", "out", "over", "under", "about", "across", "after", "before", "between", "through",
  "plus", "etc", "e", "g", "ie", "eg", "new", "well", "who", "want", "wants", "looking", "look", "seeking", "seek",
  "seeks", "offer", "offers", "offering",
];

const STOP_WORDS_RU = [
  "и", "в", "во", "не", "что", "он", "на", "я", "с", "со", "как", "а", "то", "все", "она", "так", "его", "но", "да", "ты",
  "к", "ко", "у", "же", "вы", "за", "бы", "по", "только", "ее", "мне", "было", "вот", "от", "меня", "еще", "нет", "о",
  "об", "из", "ему", "теперь", "когда", "даже", "ну", "ли", "если", "уже", "или", "ни", "быть", "был", "него", "до",
  "вас", "нибудь", "опять", "уж", "вам", "ведь", "там", "потом", "себя", "ничего", "ей", "может", "они", "тут", "где",
  "есть", "надо", "ней", "для", "мы", "тебя", "их", "чем", "была", "сам", "чтоб", "без", "будто", "чего", "раз", "тоже",
  "себе", "под", "будет", "ж", "тогда", "кто", "этот", "того", "потому", "этого", "какой", "совсем", "ним", "здесь",
  "этом", "один", "почти", "мой", "тем", "чтобы", "нее", "были", "куда", "зачем", "всех", "можно", "при", "наконец",
  "два", "об", "другой", "хоть", "после", "над", "больше", "тот", "через", "эти", "нас", "про", "всего", "них", "какая",
  "много", "разве", "три", "эту", "моя", "впрочем", "хорошо", "свою", "этой", "перед", "иногда", "лучше", "чуть", "том",
  "нельзя", "такой", "им", "более", "всегда", "конечно", "всю", "между", "наш", "наша", "наши", "наших", "ваш", "также",
  "который", "которые", "которых", "это", "а также", "ищем", "ищет", "предлагаем", "предлагает",
];

const STOP_WORDS = new Set([...STOP_WORDS_EN, ...STOP_WORDS_RU]);

const CYRILLIC = /[\u0400-\u04ff]/;

/** Russian endings, longest first: one is removed when at least three letters remain. */
const RU_ENDINGS = [
  "иями", "ями", "ами", "иях", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "ение", "ения", "ений", "ению", "ием",
  "ях", "ах", "ых", "их", "ий", "ый", "ой", "ей", "ая", "яя", "ое", "ее", "ую", "юю", "ом", "ем", "ам", "ям", "ов", "ев",
  "ия", "ие", "ии", "ию", "ью", "ть", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
].sort((a, b) => b.length - a.length);

/** English derivational endings, longest first: one is removed when at least four letters remain. */
const EN_ENDINGS = ["ations", "ation", "ments", "ment", "ings", "ing", "ers", "er", "ed", "ly", "al", "ic", "ity", "ive", "ion"]
  .sort((a, b) => b.length - a.length);

function stemRussian(word: string): string {
  for (const ending of RU_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length);
  }
  return word;
}

function stemEnglish(word: string): string {
  let w = word;
  if (w.length > 3) {
    if (w.endsWith("sses")) w = w.slice(0, -2);
    else if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
    else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  }
  for (const ending of EN_ENDINGS) {
    if (w.endsWith(ending) && w.length - ending.length >= 4) {
      w = w.slice(0, -ending.length);
      break;
    }
  }
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith("y")) w = `${w.slice(0, -1)}i`;
  return w;
}

/** A word's stem: Russian rules for Cyrillic words, English ones for the rest. */
export function stem(word: string): string {
  return CYRILLIC.test(word) ? stemRussian(word) : stemEnglish(word);
}

function normalizeWord(lower: string): string {
  if (/^[a-z0-9]+$/.test(lower)) return lower;
  if (CYRILLIC.test(lower)) return lower.normalize("NFC").replaceAll("ё", "е");
  // Latin and other scripts: fold accents ("pôle" = "pole", "Düsseldorf" = "dusseldorf").
  return lower.normalize("NFD").replace(/\p{M}+/gu, "");
}

export type Token = {
  /** The word as written, lower-cased and without accents (for building a database text query). */
  word: string;
  stem: string;
};

/** Cap on the text looked at: profile fields are short, and hostile input must stay cheap. */
const MAX_TEXT_LENGTH = 4000;

/**
 * Words repeat across profiles, so each distinct word is normalised and
 * stemmed once per process (null: a stop-word, a number or too short).
 */
const MAX_MEMO_WORDS = 100_000;
const memo = new Map<string, Token | null>();

function tokenOf(raw: string): Token | null {
  const cached = memo.get(raw);
  if (cached !== undefined) return cached;
  const word = normalizeWord(raw);
  const token = word.length < 2 || /^\p{N}+$/u.test(word) || STOP_WORDS.has(word) ? null : { word, stem: stem(word) };
  if (memo.size >= MAX_MEMO_WORDS) memo.clear();
  memo.set(raw, token);
  return token;
}

/** The content words of a text, in order: no punctuation, numbers, stop-words or one-letter words. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const raw of text.slice(0, MAX_TEXT_LENGTH).toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!raw) continue;
    const token = tokenOf(raw);
    if (token) tokens.push(token);
  }
  return tokens;
}

/** How many documents contain each stem, over `documents` documents. */
export type TermStats = { documents: number; df: ReadonlyMap<string, number> };

/** Document frequencies of a list of texts (one document each). */
export function buildTermStats(texts: readonly string[]): TermStats {
  const df = new Map<string, number>();
  for (const text of texts) {
    for (const s of new Set(tokenize(text).map((t) => t.stem))) df.set(s, (df.get(s) ?? 0) + 1);
  }
  return { documents: texts.length, df };
}

/**
 * Inverse document frequency, ln((N + 1) / df): a word in every profile
 * ("partners", "cluster") weighs next to nothing, a rare one ("biobank") a
 * lot; a word two profiles share still weighs half as much as a unique one
 * when there are only a few profiles. An unseen word weighs like one seen once.
 */
export function idf(stats: TermStats, stemValue: string): number {
  const df = Math.min(Math.max(1, stats.df.get(stemValue) ?? 0), Math.max(1, stats.documents));
  return Math.max(0, Math.log((stats.documents + 1) / df));
}

export type TermVector = { weights: Map<string, number>; norm: number };

/** TF-IDF vector of a text: (1 + ln tf) · idf per stem. */
export function termVector(text: string, stats: TermStats): TermVector {
  const tf = new Map<string, number>();
  for (const t of tokenize(text)) tf.set(t.stem, (tf.get(t.stem) ?? 0) + 1);
  const weights = new Map<string, number>();
  let sum = 0;
  for (const [s, n] of tf) {
    const w = (1 + Math.log(n)) * idf(stats, s);
    if (w <= 0) continue;
    weights.set(s, w);
    sum += w * w;
  }
  return { weights, norm: Math.sqrt(sum) };
}

/** Cosine similarity of two TF-IDF vectors, 0 (nothing in common) to 1 (the same words). */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [s, w] of small.weights) {
    const other = large.weights.get(s);
    if (other !== undefined) dot += w * other;
  }
  return Math.min(1, dot / (a.norm * b.norm));
}

/**
 * The parts of an offer or need text, for quoting one in a reason: split at
 * sentence ends, semicolons and commas ("…, and …" / "…, а также …"), with a
 * leading "and"/"и" dropped; a short capitalised fragment (the rest of a
 * list of places: "…in Japan, Korea and the USA") stays with the part before it.
 */
export function splitClauses(text: string): string[] {
  const parts = text
    .slice(0, MAX_TEXT_LENGTH)
    .split(/[.;!?\n]+|,\s*/u)
    .map((p) => p.trim().replace(/^(and|or|plus|и|а также|а|или)\s+/iu, "").trim())
    .filter((p) => p.length > 0);
  const clauses: string[] = [];
  for (const part of parts) {
    const isListTail = /^\p{Lu}/u.test(part) && tokenize(part).length <= 2;
    if (clauses.length > 0 && isListTail) clauses[clauses.length - 1] += `, ${part}`;
    else clauses.push(part);
  }
  return clauses;
}

/** A clause cut to `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max = 90): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/u, "")}…`;
}
