import "server-only";
import type { Db } from "../db/types";
import { stemText, stemWord } from "../search/stem";
import type { CandidateIndex } from "./candidate-index";
import { commitmentWords } from "./commitments";
import { splitSentences, type Sentence } from "./sentences";

/**
 * Proposes, for each initiative, the passages of a source that mention it (docs/decisions/
 * 015-passage-matcher.md). Every word of a sentence is stemmed as the search index is; a stem
 * counts for an initiative when its title, summary or one of its quotes has a word equal to it or
 * (for stems of 4+ letters) starting with it, so «редким» meets «редкоземельным». A match weighs
 * the word's rarity across the index, times 3 in a title, 2 in a quote, 1 in a summary, and 0.6
 * for a prefix. A sentence is proposed when at least two distinct words match, the sum reaches
 * MIN_SCORE, and it covers TITLE_COVERAGE of the rarity of the initiative's title in either
 * language (or the sum is STRONG_SCORE, as when it repeats a quote); the best three per
 * initiative are kept.
 */

export const MIN_SCORE = 8;
export const TITLE_COVERAGE = 0.4;
export const STRONG_SCORE = 40;
export const MIN_WORDS = 2;
export const PER_INITIATIVE = 3;
/** Words in more indexed texts than this tell nothing apart (and would make lookups slow). */
const COMMON_CAP = 400;
const FIELD_WEIGHT = { title: 3, quote: 2, summary: 1 } as const;
const PREFIX_WEIGHT = 0.6;
const MIN_PREFIX = 4;
/** Bounds on the work after scoring: sentences per initiative and initiatives given the title check. */
const SHORTLIST_PER_INITIATIVE = 10;
const SHORTLIST_INITIATIVES = 300;

const WORD = /[\p{L}\p{N}]+/gu;
// Function words long enough to survive the length rule; rarity weighs everything else.
const STOPWORDS = new Set(
  [
    "для",
    "что",
    "как",
    "это",
    "его",
    "еще",
    "или",
    "при",
    "так",
    "все",
    "они",
    "она",
    "оно",
    "тот",
    "этот",
    "котор",
    "такж",
    "быть",
    "был",
    "был",
    "будет",
    "только",
    "уже",
    "между",
    "после",
    "через",
    "также",
    "свой",
    "наш",
    "ваш",
    "их",
    "the",
    "and",
    "for",
    "with",
    "that",
    "this",
    "from",
    "are",
    "was",
    "were",
    "will",
    "has",
    "have",
    "its",
    "their",
    "they",
    "which",
    "also",
    "been",
    "into",
    "more",
    "than",
    "not",
    "but",
    "who",
    "would",
    "said",
    "say",
  ].map((word) => stemWord(word)),
);

export interface Span {
  start: number;
  end: number;
}

export interface Candidate {
  sentence: Sentence;
  score: number;
  /** The matching words, as offsets in the source text. */
  highlights: Span[];
}

export interface InitiativeMatch {
  initiativeId: number;
  candidates: Candidate[];
}

export interface MatchResult {
  sentences: number;
  initiatives: InitiativeMatch[];
  /** Sentences with a commitment word that match no initiative: candidates for a new one. */
  newCommitments: { sentence: Sentence; highlights: Span[] }[];
}

interface Token extends Span {
  stem: string;
}

function tokens(text: string, sentence: Sentence): Token[] {
  const found: Token[] = [];
  for (const match of sentence.text.matchAll(WORD)) {
    const word = match[0];
    const digits = /^\p{N}+$/u.test(word);
    if (digits ? word.length < 2 : word.length < 3) continue;
    const stem = stemWord(word);
    if (STOPWORDS.has(stem)) continue;
    const start = sentence.start + match.index;
    found.push({ stem, start, end: start + word.length });
  }
  return found;
}

/** For one stem: the best weight it brings to each initiative. */
type StemWeights = Map<number, number>;

function weigh(
  stem: string,
  prefix: boolean,
  texts: { kind: "initiative" | "quote"; initiativeId: number; title: string[]; body: string[] }[],
  rarity: number,
): StemWeights {
  const weights: StemWeights = new Map();
  const hit = (words: string[]) => {
    if (words.includes(stem)) return 1;
    return prefix && words.some((word) => word.startsWith(stem)) ? PREFIX_WEIGHT : 0;
  };
  for (const text of texts) {
    const candidates =
      text.kind === "initiative" ? [hit(text.title) * FIELD_WEIGHT.title, hit(text.body) * FIELD_WEIGHT.summary] : [hit(text.body) * FIELD_WEIGHT.quote];
    const weight = Math.max(...candidates) * rarity;
    if (weight > (weights.get(text.initiativeId) ?? 0)) weights.set(text.initiativeId, weight);
  }
  return weights;
}

/** Stems too short or too common to count, as the sentence side skips them. */
function countable(stem: string): boolean {
  return /^\p{N}+$/u.test(stem) ? stem.length >= 2 : stem.length >= 3 && !STOPWORDS.has(stem);
}

export async function matchSource(
  db: Db,
  index: CandidateIndex,
  text: string,
  options: {
    alreadyQuoted?: { initiativeId: number; start: number; end: number }[];
    /** Passages turned down: for an initiative, or (initiativeId null) as a new commitment. */
    rejected?: { initiativeId: number | null; start: number; end: number }[];
    maxInitiatives?: number;
  } = {},
): Promise<MatchResult> {
  const sentences = splitSentences(text);
  const sentenceTokens = sentences.map((sentence) => tokens(text, sentence));
  const initiativeCount = Math.max(1, await index.initiativeCount());

  // Rarity among initiatives: a word most of them use («Центральной Азии») tells them apart by nothing.
  const looked = new Map<string, { rarity: number; weights: StemWeights | null }>();
  const lookup = async (stem: string, prefix: boolean) => {
    const key = `${prefix ? "*" : "="}${stem}`;
    let entry = looked.get(key);
    if (!entry) {
      const found = await index.lookup(stem, prefix, COMMON_CAP);
      const initiatives = found ? new Set(found.texts.map((t) => t.initiativeId)).size : initiativeCount;
      const rarity = initiatives ? Math.max(0, Math.log(initiativeCount / initiatives)) : 0;
      entry = { rarity, weights: found && rarity > 0 ? weigh(stem, prefix, found.texts, rarity) : null };
      looked.set(key, entry);
    }
    return entry;
  };
  const isPrefix = (stem: string) => stem.length >= MIN_PREFIX && !/^\p{N}+$/u.test(stem);
  const weightsByStem = new Map<string, StemWeights>();
  for (const stem of new Set(sentenceTokens.flat().map((token) => token.stem))) {
    const { weights } = await lookup(stem, isPrefix(stem));
    if (weights) weightsByStem.set(stem, weights);
  }

  // Raw scores per sentence and initiative.
  const raw: { sentence: number; initiativeId: number; score: number; stems: Set<string> }[] = [];
  sentences.forEach((_sentence, i) => {
    const scores = new Map<number, { score: number; stems: Set<string> }>();
    for (const stem of new Set(sentenceTokens[i]!.map((token) => token.stem))) {
      for (const [initiativeId, weight] of weightsByStem.get(stem) ?? []) {
        const entry = scores.get(initiativeId) ?? { score: 0, stems: new Set<string>() };
        entry.score += weight;
        entry.stems.add(stem);
        scores.set(initiativeId, entry);
      }
    }
    for (const [initiativeId, entry] of scores)
      if (entry.stems.size >= MIN_WORDS && entry.score >= MIN_SCORE) raw.push({ sentence: i, initiativeId, ...entry });
  });

  // Only the best few sentences of the best-scoring initiatives go on to the title check.
  const bestOf = new Map<number, typeof raw>();
  for (const r of raw) bestOf.set(r.initiativeId, [...(bestOf.get(r.initiativeId) ?? []), r]);
  const shortlisted = [...bestOf.values()]
    .map((list) => list.sort((a, b) => b.score - a.score).slice(0, SHORTLIST_PER_INITIATIVE))
    .sort((a, b) => b[0]!.score - a[0]!.score)
    .slice(0, SHORTLIST_INITIATIVES)
    .flat();

  // How much of each shortlisted initiative's title (by rarity) a sentence's words cover.
  const ids = [...new Set(shortlisted.map((r) => r.initiativeId))];
  const titles = new Map<number, { word: string; rarity: number }[][]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.initiative.findMany({ where: { id: { in: ids.slice(i, i + 500) } }, select: { id: true, titleRu: true, titleEn: true } });
    for (const row of rows) {
      const perLanguage: { word: string; rarity: number }[][] = [];
      for (const title of [row.titleRu, row.titleEn]) {
        const words = [...new Set(stemText(title).split(" ").filter(countable))];
        perLanguage.push(await Promise.all(words.map(async (word) => ({ word, rarity: (await lookup(word, false)).rarity }))));
      }
      titles.set(row.id, perLanguage);
    }
  }
  const coverage = (initiativeId: number, stems: Set<string>) => {
    let best = 0;
    for (const title of titles.get(initiativeId) ?? []) {
      let total = 0;
      let covered = 0;
      for (const { word, rarity } of title) {
        total += rarity;
        if (stems.has(word) || [...stems].some((stem) => isPrefix(stem) && word.startsWith(stem))) covered += rarity;
      }
      if (total > 0) best = Math.max(best, covered / total);
    }
    return best;
  };

  const quoted = options.alreadyQuoted ?? [];
  const rejected = options.rejected ?? [];
  const isRejected = (initiativeId: number | null, sentence: Sentence) =>
    rejected.some((r) => r.initiativeId === initiativeId && r.start === sentence.start && r.end === sentence.end);
  const byInitiative = new Map<number, Candidate[]>();
  const matchedSentences = new Set<number>();
  for (const { sentence: i, initiativeId, score, stems } of shortlisted) {
    if (score < STRONG_SCORE && coverage(initiativeId, stems) < TITLE_COVERAGE) continue;
    const sentence = sentences[i]!;
    matchedSentences.add(i);
    // A passage already quoted for this initiative is evidence already, not a proposal.
    if (quoted.some((q) => q.initiativeId === initiativeId && q.start < sentence.end && q.end > sentence.start)) continue;
    if (isRejected(initiativeId, sentence)) continue;
    const highlights = sentenceTokens[i]!.filter((token) => stems.has(token.stem)).map(({ start, end }) => ({ start, end }));
    const list = byInitiative.get(initiativeId) ?? [];
    list.push({ sentence, score: Math.round(score * 10) / 10, highlights });
    byInitiative.set(initiativeId, list);
  }

  const initiatives = [...byInitiative.entries()]
    .map(([initiativeId, candidates]) => ({
      initiativeId,
      candidates: candidates.sort((a, b) => b.score - a.score || a.sentence.start - b.sentence.start).slice(0, PER_INITIATIVE),
    }))
    .sort((a, b) => b.candidates[0]!.score - a.candidates[0]!.score || a.initiativeId - b.initiativeId)
    .slice(0, options.maxInitiatives ?? 50);

  const newCommitments = sentences
    .filter((sentence) => !matchedSentences.has(sentence.index) && !isRejected(null, sentence))
    .map((sentence) => ({
      sentence,
      highlights: commitmentWords(sentence.text).map(([start, end]) => ({ start: sentence.start + start, end: sentence.start + end })),
    }))
    .filter((entry) => entry.highlights.length > 0);

  return { sentences: sentences.length, initiatives, newCommitments };
}
