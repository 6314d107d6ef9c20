-- Hand-written (Prisma manages neither triggers nor generated tsvector columns);
-- docs/decisions/013-postgresql.md. The SQLite counterparts: 20261121061142_editors_history_auth
-- (triggers) and 20261121062526_search_index (FTS5).

-- History is append-only in the database itself.
CREATE FUNCTION "HistoryEntry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'HistoryEntry rows are append-only: record a correcting entry instead';
END;
$$;

CREATE TRIGGER "HistoryEntry_append_only_update" BEFORE UPDATE ON "HistoryEntry"
  FOR EACH ROW EXECUTE FUNCTION "HistoryEntry_append_only"();

CREATE TRIGGER "HistoryEntry_append_only_delete" BEFORE DELETE ON "HistoryEntry"
  FOR EACH ROW EXECUTE FUNCTION "HistoryEntry_append_only"();

-- Full-text search. Rows hold the same app-stemmed text as the SQLite index (lib/search/stem.ts),
-- so both engines match the same words; the 'simple' configuration only splits and lowercases,
-- keeping short words such as «ИИ» whole. Title lexemes weigh A, body lexemes B.
-- "rowid" is computed by the app (lib/search/search-index.ts) as on SQLite.
CREATE TABLE "SearchIndex" (
  "rowid" BIGINT PRIMARY KEY,
  "kind" TEXT NOT NULL,
  "refId" INTEGER NOT NULL,
  "initiativeId" INTEGER,
  "pos" INTEGER NOT NULL,
  "title" TEXT NOT NULL,
  "body" TEXT NOT NULL,
  "document" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', "title"), 'A') || setweight(to_tsvector('simple', "body"), 'B')
  ) STORED
);

CREATE INDEX "SearchIndex_document_idx" ON "SearchIndex" USING GIN ("document");
CREATE INDEX "SearchIndex_initiativeId_idx" ON "SearchIndex" ("initiativeId");
