import { Prisma } from "../generated/prisma/client";
import { dialectOf } from "../db/dialect";
import type { Db } from "../db/types";
import { matchExpression, type QueryTerm } from "./stem";

/**
 * The search index's SQL, per engine (docs/decisions/010-full-text-search.md, 013-postgresql.md).
 * Both hold the same app-stemmed text, so both match the same rows: SQLite through FTS5 MATCH,
 * PostgreSQL through a tsvector column (title lexemes weighted A) and a GIN index.
 */
export interface SearchSql {
  /** A condition on "SearchIndex": the row holds every term (in its title only, when asked). Terms must not be empty. */
  matches(terms: QueryTerm[], column?: "title"): Prisma.Sql;
  /** Relevance of a matching row, lower is better; title hits weigh ten times body hits. */
  score(terms: QueryTerm[]): Prisma.Sql;
  /** A computed 64-bit row id. */
  rowId(value: number): Prisma.Sql;
  /**
   * Rows `id` (and `score` when asked) of initiatives that one of their own rows, quotes or history
   * notes matches with every term: one row per matching index row, so an id can repeat.
   */
  initiativeRows(terms: QueryTerm[], options?: { score?: boolean }): Prisma.Sql;
  /** Rows `id` of initiatives whose own title holds every term. */
  titleRows(terms: QueryTerm[]): Prisma.Sql;
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
  // bm25 weights: kind, refId, initiativeId, pos (unindexed), title ×10, body ×1.
  score: () => Prisma.raw(`bm25("SearchIndex", 0, 0, 0, 0, 10.0, 1.0)`),
  // The driver may bind numbers this large as REAL; FTS5 only uses a rowid range given as integers.
  rowId: (value) => Prisma.sql`CAST(${value} AS INTEGER)`,
  initiativeRows: (terms, options = {}) => {
    const match = Prisma.sql`"SearchIndex" MATCH ${matchExpression(terms)}`;
    const score = options.score ? Prisma.sql`, ${BM25} AS score` : Prisma.empty;
    // CROSS JOIN keeps the index scan outside; INDEXED BY makes the lookup read the narrow index, not the wide row.
    return Prisma.sql`SELECT ${refId("initiative")} AS id${score} FROM "SearchIndex" s WHERE ${match} AND ${inKind("initiative")}
      UNION ALL SELECT q."initiativeId" AS id${score} FROM "SearchIndex" s CROSS JOIN "Quote" q INDEXED BY "Quote_id_initiativeId_idx"
        ON q."id" = ${refId("quote")} WHERE ${match} AND ${inKind("quote")} AND q."initiativeId" IS NOT NULL
      UNION ALL SELECT h."initiativeId" AS id${score} FROM "SearchIndex" s CROSS JOIN "HistoryEntry" h INDEXED BY "HistoryEntry_id_initiativeId_idx"
        ON h."id" = ${refId("note")} WHERE ${match} AND ${inKind("note")}`;
  },
  titleRows: (terms) => Prisma.sql`SELECT ${refId("initiative")} AS id FROM "SearchIndex" s WHERE "SearchIndex" MATCH ${matchExpression(terms, "title")} AND ${inKind("initiative")}`,
};

/** `водн:* & ии`, with `:A` (title lexemes only) when asked; stems hold only letters and digits. */
export function tsQuery(terms: QueryTerm[], column?: "title"): string {
  const weight = column === "title" ? "A" : "";
  return terms.map((term) => `'${term.stem.replaceAll("'", "''")}':${term.prefix ? "*" : ""}${weight}`.replace(/:$/, "")).join(" & ");
}

const postgres: SearchSql = {
  matches: (terms, column) => Prisma.sql`"document" @@ to_tsquery('simple', ${tsQuery(terms, column)})`,
  // ts_rank's weights are {D, C, B, A}: body lexemes are B, title lexemes A. Normalisation 1
  // (divide by 1 + log of the length) stands in for bm25's length term, so that rows matching
  // alike do not tie; the order is close to FTS5's, not identical (ts_rank has no IDF).
  score: (terms) => Prisma.sql`(-ts_rank('{0, 0, 0.1, 1.0}', "document", to_tsquery('simple', ${tsQuery(terms)}), 1))`,
  rowId: (value) => Prisma.sql`CAST(${value} AS BIGINT)`,
  initiativeRows: (terms, options = {}) =>
    Prisma.sql`SELECT "initiativeId" AS id${options.score ? Prisma.sql`, ${postgres.score(terms)} AS score` : Prisma.empty} FROM "SearchIndex"
      WHERE ${postgres.matches(terms)} AND "kind" IN ('initiative', 'quote', 'note') AND "initiativeId" IS NOT NULL`,
  titleRows: (terms) => Prisma.sql`SELECT "initiativeId" AS id FROM "SearchIndex" WHERE ${postgres.matches(terms, "title")} AND "kind" = 'initiative'`,
};

export function searchSql(db: Db): SearchSql {
  return dialectOf(db) === "postgres" ? postgres : sqlite;
}
