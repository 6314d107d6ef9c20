-- Hand-written: full-text search (docs/decisions/010-full-text-search.md). Prisma does not manage
-- virtual tables; lib/db/schema-engine.ts lists these tables as external so diffs leave them alone.
-- Columns hold stemmed text (Snowball, computed in the app), so FTS5 only needs unicode61.
CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
  "kind" UNINDEXED,
  "refId" UNINDEXED,
  "initiativeId" UNINDEXED,
  "pos" UNINDEXED,
  "title",
  "body",
  tokenize = 'unicode61 remove_diacritics 2'
);
