-- CreateTable
CREATE TABLE "SourceFile" (
    "sourceId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    CONSTRAINT "SourceFile_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecordHistoryEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "subject" TEXT NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "changes" TEXT NOT NULL DEFAULT '[]',
    "note" TEXT NOT NULL,
    "authorId" INTEGER,
    "version" INTEGER NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecordHistoryEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "title" TEXT,
    "outlet" TEXT,
    "publishedOn" DATETIME,
    "dateFromMetadata" BOOLEAN NOT NULL DEFAULT false,
    "language" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "url" TEXT,
    "kind" TEXT,
    "createdById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Source_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Source" ("createdAt", "dateFromMetadata", "id", "key", "language", "outlet", "publishedOn", "sha256", "text", "title") SELECT "createdAt", "dateFromMetadata", "id", "key", "language", "outlet", "publishedOn", "sha256", "text", "title" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE UNIQUE INDEX "Source_key_key" ON "Source"("key");
CREATE UNIQUE INDEX "Source_sha256_key" ON "Source"("sha256");
CREATE INDEX "Source_outlet_idx" ON "Source"("outlet");
CREATE INDEX "Source_kind_idx" ON "Source"("kind");
CREATE INDEX "Source_language_idx" ON "Source"("language");
CREATE INDEX "Source_publishedOn_idx" ON "Source"("publishedOn");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RecordHistoryEntry_recordedAt_idx" ON "RecordHistoryEntry"("recordedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecordHistoryEntry_subject_subjectId_version_key" ON "RecordHistoryEntry"("subject", "subjectId", "version");


-- Record history is append-only in the database itself (hand-written: Prisma does not manage triggers).
CREATE TRIGGER "RecordHistoryEntry_append_only_update" BEFORE UPDATE ON "RecordHistoryEntry"
BEGIN
  SELECT RAISE(ABORT, 'RecordHistoryEntry rows are append-only: record a correcting entry instead');
END;

CREATE TRIGGER "RecordHistoryEntry_append_only_delete" BEFORE DELETE ON "RecordHistoryEntry"
BEGIN
  SELECT RAISE(ABORT, 'RecordHistoryEntry rows are append-only: record a correcting entry instead');
END;
