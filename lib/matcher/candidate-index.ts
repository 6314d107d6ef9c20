import "server-only";
import type { Db } from "../db/types";
import { searchSql } from "../search/search-sql";

/**
 * Where the matcher looks words up: the stemmed titles, summaries and quotes of the search index
 * (docs/decisions/010-full-text-search.md), through the engine's own match condition
 * (lib/search/search-sql.ts), so SQLite and PostgreSQL give the matcher the same texts.
 */
export interface IndexedText {
  kind: "initiative" | "quote";
  initiativeId: number;
  /** Stemmed words: for an initiative its titles, for a quote nothing. */
  title: string[];
  /** For an initiative its summaries, for a quote its text. */
  body: string[];
}

export interface CandidateIndex {
  /** How many initiatives there are, for word rarity. */
  initiativeCount(): Promise<number>;
  /**
   * The initiatives' and quotes' texts with a word starting with `stem` (or equal to it, when
   * `prefix` is false), and how many indexed texts of any kind have one; null when more than
   * `cap` do (the word is too common to tell initiatives apart).
   */
  lookup(stem: string, prefix: boolean, cap: number): Promise<{ documents: number; texts: IndexedText[] } | null>;
}

export function searchCandidateIndex(db: Db): CandidateIndex {
  return {
    initiativeCount() {
      return db.initiative.count({ where: { mergedIntoId: null } });
    },
    async lookup(stem, prefix, cap) {
      const rows = await db.$queryRaw<{ kind: string; initiativeId: number | bigint | null; title: string; body: string }[]>`
        SELECT "kind", "initiativeId", "title", "body" FROM "SearchIndex" WHERE ${searchSql(db).matches([{ stem, prefix }])} LIMIT ${cap + 1}`;
      if (rows.length > cap) return null;
      const texts: IndexedText[] = [];
      for (const row of rows) {
        if ((row.kind !== "initiative" && row.kind !== "quote") || row.initiativeId === null) continue;
        texts.push({
          kind: row.kind,
          initiativeId: Number(row.initiativeId),
          title: row.title ? row.title.split(" ") : [],
          body: row.body ? row.body.split(" ") : [],
        });
      }
      return { documents: rows.length, texts };
    },
  };
}
