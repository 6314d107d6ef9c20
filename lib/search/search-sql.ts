import { Prisma } from "../generated/prisma/client";
import { dialectOf } from "../db/dialect";
import type { Db } from "../db/types";
import type { QueryConcept } from "./expand-query";
import { matchExpression, type QueryTerm } from "./stem";

/**
 * The search index's SQL, per engine (docs/decisions/010-full-text-search.md, 013-postgresql.md).
 * Both hold the same app-stemmed text, so both match the same rows: SQLite through FTS5 MATCH,
 * PostgreSQL through a tsvector column (title lexemes weighted A) and a GIN index.
 */
export interface SearchSql {
  /** A condition on "SearchIndex": the row holds every term (in its title only, when asked). Terms must not be empty. */
  matches(terms: QueryTerm[], column?: "title"): Prisma.Sql;
  /** A condition on "SearchIndex": the row matches at least one of the concepts (in its title only, when asked). Not empty. */
  matchesAny(concepts: QueryConcept[], column?: "title"): Prisma.Sql;
  /** Relevance of a matching row, lower is better; title hits weigh ten times body hits. */
  score(terms: QueryTerm[]): Prisma.Sql;
  /** The same for a row matched by `matchesAny(concepts)`. */
  scoreAny(concepts: QueryConcept[]): Prisma.Sql;
  /** A computed 64-bit row id. */
  rowId(value: number): Prisma.Sql;
}

const ftsTerm = (term: QueryTerm) => `"${term.stem.replaceAll('"', '""')}"${term.prefix ? "*" : ""}`;

/** FTS5: `("водн"* OR "водопользован"*) OR ("ии" OR ("искусствен"* AND "интеллект"*))`; terms hold only letters and digits. */
export function anyExpression(concepts: QueryConcept[], column?: "title"): string {
  const alternative = (terms: QueryTerm[]) => (terms.length === 1 ? ftsTerm(terms[0]!) : `(${terms.map(ftsTerm).join(" AND ")})`);
  const expression = concepts.map((concept) => `(${concept.alternatives.map(alternative).join(" OR ")})`).join(" OR ");
  return column ? `${column} : (${expression})` : expression;
}

const bm25 = Prisma.raw(`bm25("SearchIndex", 0, 0, 0, 0, 10.0, 1.0)`);

const sqlite: SearchSql = {
  matches: (terms, column) => Prisma.sql`"SearchIndex" MATCH ${matchExpression(terms, column)}`,
  matchesAny: (concepts, column) => Prisma.sql`"SearchIndex" MATCH ${anyExpression(concepts, column)}`,
  // bm25 weights: kind, refId, initiativeId, pos (unindexed), title ×10, body ×1.
  score: () => bm25,
  scoreAny: () => bm25,
  // The driver may bind numbers this large as REAL; FTS5 only uses a rowid range given as integers.
  rowId: (value) => Prisma.sql`CAST(${value} AS INTEGER)`,
};

/** `водн:* & ии`, with `:A` (title lexemes only) when asked; stems hold only letters and digits. */
export function tsQuery(terms: QueryTerm[], column?: "title"): string {
  const weight = column === "title" ? "A" : "";
  return terms.map((term) => `'${term.stem.replaceAll("'", "''")}':${term.prefix ? "*" : ""}${weight}`.replace(/:$/, "")).join(" & ");
}

function tsTerm(term: QueryTerm, column?: "title"): string {
  const flags = `${term.prefix ? "*" : ""}${column === "title" ? "A" : ""}`;
  return `'${term.stem.replaceAll("'", "''")}'${flags ? `:${flags}` : ""}`;
}

/** `('водн':* | 'водопользован':*) | ('ии' | ('искусствен':* & 'интеллект':*))`, with `:A` for titles. */
export function tsQueryAny(concepts: QueryConcept[], column?: "title"): string {
  const alternative = (terms: QueryTerm[]) => (terms.length === 1 ? tsTerm(terms[0]!, column) : `(${terms.map((term) => tsTerm(term, column)).join(" & ")})`);
  return concepts.map((concept) => `(${concept.alternatives.map(alternative).join(" | ")})`).join(" | ");
}

const postgres: SearchSql = {
  matches: (terms, column) => Prisma.sql`"document" @@ to_tsquery('simple', ${tsQuery(terms, column)})`,
  matchesAny: (concepts, column) => Prisma.sql`"document" @@ to_tsquery('simple', ${tsQueryAny(concepts, column)})`,
  // ts_rank's weights are {D, C, B, A}: body lexemes are B, title lexemes A. Normalisation 1
  // (divide by 1 + log of the length) stands in for bm25's length term, so that rows matching
  // alike do not tie; the order is close to FTS5's, not identical (ts_rank has no IDF).
  score: (terms) => Prisma.sql`(-ts_rank('{0, 0, 0.1, 1.0}', "document", to_tsquery('simple', ${tsQuery(terms)}), 1))`,
  scoreAny: (concepts) => Prisma.sql`(-ts_rank('{0, 0, 0.1, 1.0}', "document", to_tsquery('simple', ${tsQueryAny(concepts)}), 1))`,
  rowId: (value) => Prisma.sql`CAST(${value} AS BIGINT)`,
};

export function searchSql(db: Db): SearchSql {
  return dialectOf(db) === "postgres" ? postgres : sqlite;
}
