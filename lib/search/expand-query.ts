import synonyms from "./synonyms.json";
import { queryTerm, WORD, type QueryTerm } from "./stem";

/**
 * A query as the search runs it (docs/decisions/034-search-relevance.md): one concept per word
 * the person typed, or per phrase of the synonym list («искусственный интеллект»), each with every
 * way of matching it. Results rank by how many concepts they match, so one unknown word no longer
 * empties the answer.
 */
export interface QueryConcept {
  /** The query's words this concept stands for, as typed. */
  words: string[];
  /** Ways to match it; an alternative of several terms (a phrase) needs all of them. */
  alternatives: QueryTerm[][];
}

interface SynonymGroup {
  kind: "synonym" | "spelling" | "compound";
  note: string;
  terms: string[];
}

const MAX_CONCEPTS = 12;

function entryTerms(entry: string): QueryTerm[] {
  return Array.from(entry.matchAll(WORD), (match) => queryTerm(match[0]));
}

const stemsKey = (terms: QueryTerm[]) => terms.map((term) => term.stem).join(" ");

/** Each entry of the list (by its stems) → the alternatives of its whole group. */
const ENTRIES = new Map<string, QueryTerm[][]>();
let longestEntry = 1;
for (const group of synonyms.groups as SynonymGroup[]) {
  const alternatives = group.terms.map(entryTerms).filter((terms) => terms.length > 0);
  for (const terms of alternatives) {
    const key = stemsKey(terms);
    if (!ENTRIES.has(key)) ENTRIES.set(key, alternatives);
    longestEntry = Math.max(longestEntry, terms.length);
  }
}

export function synonymGroups(): readonly SynonymGroup[] {
  return synonyms.groups as SynonymGroup[];
}

/** The concepts of a query, longest synonym phrase first; at most twelve, so a pasted essay stays cheap. */
export function expandQuery(query: string): QueryConcept[] {
  const words = Array.from(query.matchAll(WORD), (match) => match[0]);
  const terms = words.map(queryTerm);
  const concepts = new Map<string, QueryConcept>();
  for (let i = 0; i < terms.length;) {
    let length = Math.min(longestEntry, terms.length - i);
    let group: QueryTerm[][] | undefined;
    for (; length > 1; length--) if ((group = ENTRIES.get(stemsKey(terms.slice(i, i + length))))) break;
    if (length === 1) group = ENTRIES.get(terms[i]!.stem);
    // The typed form comes first: it is the one a highlight or a suggestion starts from.
    const typed = terms.slice(i, i + length);
    const alternatives = group ? [typed, ...group.filter((alternative) => stemsKey(alternative) !== stemsKey(typed))] : [typed];
    const key = alternatives.map(altKey).sort().join("|");
    if (!concepts.has(key)) concepts.set(key, { words: words.slice(i, i + length), alternatives });
    i += length;
  }
  return [...concepts.values()].slice(0, MAX_CONCEPTS);
}

function altKey(terms: QueryTerm[]): string {
  return terms.map((term) => `${term.stem}${term.prefix ? "*" : ""}`).join(" ");
}

/** Every term of every concept (for highlighting the words that made a row match). */
export function conceptTerms(concepts: QueryConcept[]): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  for (const concept of concepts) for (const alternative of concept.alternatives) for (const term of alternative) terms.set(altKey([term]), term);
  return [...terms.values()];
}

/** The terms to highlight for a query: its words and all their synonyms. */
export function highlightTerms(query: string): QueryTerm[] {
  return conceptTerms(expandQuery(query));
}
