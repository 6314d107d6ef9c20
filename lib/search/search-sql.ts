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
  /**
   * Rows `id` (and `score` when asked) of initiatives that one of their own rows, quotes or history
   * notes matches with any of the concepts: one row per matching index row, so an id can repeat.
   */
  initiativeRows(concepts: QueryConcept[], options?: { score?: boolean }): Prisma.Sql;
  /** Rows `id` of initiatives whose own title matches any of the concepts. */
  titleRows(concepts: QueryConcept[]): Prisma.Sql;
}

const ftsTerm = (term: QueryTerm) => `"${term.stem.replaceAll('"', '""')}"${term.prefix ? "*" : ""}`;

/** FTS5: `("водн"* OR "водопользован"*) OR ("ии" OR ("искусствен"* AND "интеллект"*))`; terms hold only letters and digits. */
export function anyExpression(concepts: QueryConcept[], column?: "title"): string {
  const alternative = (terms: QueryTerm[]) => (terms.length === 1 ? ftsTerm(terms[0]!) : `(${terms.map(ftsTerm).join(" AND ")})`);
  const expression = concepts.map((concept) => `(${concept.alternatives.map(alternative).join(" OR ")})`).join(" OR ");
  return column ? `${column} : (${expression})` : expression;
}

/**
 * FTS5 stores its UNINDEXED columns with the text, so reading `kind` or `initiativeId` of every hit
 * costs a read of the whole row (≈ 250 ms for 11,000 hits at 100,000 initiatives). The rowid already
 * says both kind and document (lib/search/search-index.ts: kind × 2^40 + refId × 2^16 + part), so a
 * hit is classified by a rowid range and mapped to its initiative through the owning table's
 * (id, initiativeId) index: a few milliseconds for the same hits.
 */
const KIND_BASE = { initiative: 1, quote: 2, note: 3 } as const;
const SPAN = 2 ** 40;
const inKind = (kind: keyof typeof KIND_BASE) => Prisma.raw(`s."rowid" >= ${KIND_BASE[kind] * SPAN} AND s."rowid" < ${(KIND_BASE[kind] + 1) * SPAN}`);
const refId = (kind: keyof typeof KIND_BASE) => Prisma.raw(`((s."rowid" - ${KIND_BASE[kind] * SPAN}) >> 16)`);
const BM25 = Prisma.raw(`bm25("SearchIndex", 0, 0, 0, 0, 10.0, 1.0)`);

const sqlite: SearchSql = {
  matches: (terms, column) => Prisma.sql`"SearchIndex" MATCH ${matchExpression(terms, column)}`,
  matchesAny: (concepts, column) => Prisma.sql`"SearchIndex" MATCH ${anyExpression(concepts, column)}`,
  // bm25 weights: kind, refId, initiativeId, pos (unindexed), title ×10, body ×1.
  score: () => BM25,
  scoreAny: () => BM25,
  // The driver may bind numbers this large as REAL; FTS5 only uses a rowid range given as integers.
  rowId: (value) => Prisma.sql`CAST(${value} AS INTEGER)`,
  initiativeRows: (concepts, options = {}) => {
    const match = Prisma.sql`"SearchIndex" MATCH ${anyExpression(concepts)}`;
    const score = options.score ? Prisma.sql`, ${BM25} AS score` : Prisma.empty;
    // CROSS JOIN keeps the index scan outside; INDEXED BY makes the lookup read the narrow index, not the wide row.
    return Prisma.sql`SELECT ${refId("initiative")} AS id${score} FROM "SearchIndex" s WHERE ${match} AND ${inKind("initiative")}
      UNION ALL SELECT q."initiativeId" AS id${score} FROM "SearchIndex" s CROSS JOIN "Quote" q INDEXED BY "Quote_id_initiativeId_idx"
        ON q."id" = ${refId("quote")} WHERE ${match} AND ${inKind("quote")} AND q."initiativeId" IS NOT NULL
      UNION ALL SELECT h."initiativeId" AS id${score} FROM "SearchIndex" s CROSS JOIN "HistoryEntry" h INDEXED BY "HistoryEntry_id_initiativeId_idx"
        ON h."id" = ${refId("note")} WHERE ${match} AND ${inKind("note")}`;
  },
  titleRows: (concepts) =>
    Prisma.sql`SELECT ${refId("initiative")} AS id FROM "SearchIndex" s WHERE "SearchIndex" MATCH ${anyExpression(concepts, "title")} AND ${inKind("initiative")}`,
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
  initiativeRows: (concepts, options = {}) =>
    Prisma.sql`SELECT "initiativeId" AS id${options.score ? Prisma.sql`, ${postgres.scoreAny(concepts)} AS score` : Prisma.empty} FROM "SearchIndex"
      WHERE ${postgres.matchesAny(concepts)} AND "kind" IN ('initiative', 'quote', 'note') AND "initiativeId" IS NOT NULL`,
  titleRows: (concepts) => Prisma.sql`SELECT "initiativeId" AS id FROM "SearchIndex" WHERE ${postgres.matchesAny(concepts, "title")} AND "kind" = 'initiative'`,
};

export function searchSql(db: Db): SearchSql {
  return dialectOf(db) === "postgres" ? postgres : sqlite;
}
