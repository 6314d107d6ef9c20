import { newStemmer } from "snowball-stemmers";

// Snowball stemmers (the reference algorithms) reduce «водных», «водная», «водной» to «водн»
// and "tracking" to "track"; see docs/decisions/010-full-text-search.md.
const russian = newStemmer("russian");
const english = newStemmer("english");

export const WORD = /[\p{L}\p{N}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

export function normalizeWord(word: string): string {
  return word.toLocaleLowerCase("ru").replaceAll("ё", "е");
}

export function stemWord(word: string): string {
  const normalized = normalizeWord(word);
  if (/^\p{N}+$/u.test(normalized)) return normalized;
  return (CYRILLIC.test(normalized) ? russian : english).stem(normalized) || normalized;
}

/** Text as the index stores it: every word replaced by its stem. */
export function stemText(text: string): string {
  return Array.from(text.matchAll(WORD), (match) => stemWord(match[0])).join(" ");
}

export interface QueryTerm {
  stem: string;
  /** Long words match every word starting with their stem; short ones (ИИ, EU) only themselves. */
  prefix: boolean;
}

const SHORT = 3;

/**
 * One query word as the index is searched for it. A stem shorter than four letters is matched
 * whole: «Азия» stems to «аз», which as a prefix would also find «Азербайджан».
 */
export function queryTerm(word: string): QueryTerm {
  const normalized = normalizeWord(word);
  if (normalized.length <= SHORT) return { stem: normalized, prefix: false };
  const stem = stemWord(normalized);
  return { stem, prefix: stem.length > SHORT };
}

/**
 * An FTS5 MATCH expression that can only mean "all these words": every term is a quoted
 * phrase (terms hold only letters and digits, so no FTS syntax gets through).
 */
export function matchExpression(terms: QueryTerm[], column?: "title" | "body"): string | null {
  if (terms.length === 0) return null;
  const expression = terms.map((term) => `"${term.stem.replaceAll('"', '""')}"${term.prefix ? "*" : ""}`).join(" ");
  return column ? `${column} : (${expression})` : expression;
}

function matches(word: string, terms: QueryTerm[]): boolean {
  const normalized = normalizeWord(word);
  const stem = stemWord(word);
  return terms.some((term) => (term.prefix ? stem.startsWith(term.stem) || normalized.startsWith(term.stem) : stem === term.stem || normalized === term.stem));
}

export interface HighlightPart {
  text: string;
  match: boolean;
}

/** Splits original text into parts, marking the words the query matches (as the index does). */
export function highlight(text: string, terms: QueryTerm[]): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    if (!matches(match[0], terms)) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index), match: false });
    parts.push({ text: match[0], match: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/** A window of about `size` characters around the first match, with ellipses where cut. */
export function snippet(text: string, terms: QueryTerm[], size = 240): HighlightPart[] {
  const parts = highlight(text, terms);
  const first = parts.findIndex((part) => part.match);
  if (text.length <= size || first < 0) return first < 0 && text.length > size ? [{ text: `${text.slice(0, size)}…`, match: false }] : parts;
  const offset = parts.slice(0, first).reduce((sum, part) => sum + part.text.length, 0);
  const start = Math.max(0, offset - Math.floor(size / 3));
  const end = Math.min(text.length, start + size);
  const windowed: HighlightPart[] = [];
  let position = 0;
  for (const part of parts) {
    const from = Math.max(position, start);
    const to = Math.min(position + part.text.length, end);
    if (from < to) windowed.push({ text: part.text.slice(from - position, to - position), match: part.match });
    position += part.text.length;
  }
  if (start > 0) windowed.unshift({ text: "…", match: false });
  if (end < text.length) windowed.push({ text: "…", match: false });
  return windowed;
}
