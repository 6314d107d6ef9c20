import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/types";
import { expandQuery } from "./expand-query";
import { searchSql } from "./search-sql";
import { normalizeWord, WORD } from "./stem";

/**
 * "Did you mean …?" for a query that finds nothing (docs/decisions/034-search-relevance.md): each
 * word that matches nothing in the index is replaced by the closest word of the index's vocabulary
 * ("SearchWord", filled with the index), by edit distance (transpositions count as one edit), if
 * that word does find something. The same SQL on both engines.
 */
export type SuggestScope = "list" | "all";

const SCOPE: Record<SuggestScope, Prisma.Sql> = {
  list: Prisma.raw(` AND "kind" IN ('initiative', 'quote', 'note')`),
  all: Prisma.empty,
};

/** Edits allowed for a word of this length: one for short words, up to three for long ones. */
function allowedEdits(length: number): number {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping early above `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[y.length]!;
}

async function finds(db: Db, word: string, scope: SuggestScope): Promise<boolean> {
  const concepts = expandQuery(word);
  if (concepts.length === 0) return false;
  const rows = await db.$queryRaw<unknown[]>`SELECT 1 AS found FROM "SearchIndex" WHERE ${searchSql(db).matchesAny(concepts)}${SCOPE[scope]} LIMIT 1`;
  return rows.length > 0;
}

/** The closest vocabulary words to `word`, best first. */
async function closest(db: Db, word: string): Promise<string[]> {
  const letters = Array.from(word);
  const max = allowedEdits(letters.length);
  // A typo rarely hits both of the first two letters: this keeps the candidates few at any size.
  const rows = await db.$queryRaw<{ word: string }[]>`
    SELECT "word" FROM "SearchWord" WHERE "length" BETWEEN ${letters.length - max} AND ${letters.length + max}
      AND (substr("word", 1, 1) = ${letters[0]} OR substr("word", 2, 1) = ${letters[1] ?? ""})`;
  return rows
    .map((row) => ({ word: row.word, distance: editDistance(word, row.word, max) }))
    .filter((candidate) => candidate.distance <= max)
    .sort(
      (a, b) =>
        a.distance - b.distance ||
        Number(b.word[0] === word[0]) - Number(a.word[0] === word[0]) ||
        Math.abs(a.word.length - word.length) - Math.abs(b.word.length - word.length) ||
        a.word.localeCompare(b.word),
    )
    .slice(0, 5)
    .map((candidate) => candidate.word);
}

/** The corrected query, or null when every word finds something or no close word does. */
export async function suggestSpelling(db: Db, query: string, scope: SuggestScope = "all"): Promise<string | null> {
  let corrected = "";
  let last = 0;
  let changed = false;
  for (const match of query.slice(0, 200).matchAll(WORD)) {
    const word = normalizeWord(match[0]);
    corrected += query.slice(last, match.index);
    last = match.index + match[0].length;
    let replacement = match[0];
    if (word.length >= 3 && !/\p{N}/u.test(word) && !(await finds(db, word, scope))) {
      for (const candidate of await closest(db, word)) {
        if (await finds(db, candidate, scope)) {
          // Kept capitalised as typed: «Азербайжан» → «Азербайджан».
          replacement = match[0][0] !== word[0] ? candidate[0]!.toLocaleUpperCase("ru") + candidate.slice(1) : candidate;
          changed = true;
          break;
        }
      }
    }
    corrected += replacement;
  }
  return changed ? (corrected + query.slice(last, 200)).trim() : null;
}
