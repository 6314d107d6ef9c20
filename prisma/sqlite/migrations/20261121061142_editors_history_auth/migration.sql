-- CreateTable
CREATE TABLE "HistoryEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "initiativeId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "fromStage" TEXT,
    "toStage" TEXT,
    "changes" TEXT NOT NULL DEFAULT '[]',
    "effectiveOn" DATETIME,
    "note" TEXT NOT NULL,
    "overrideNote" TEXT,
    "quoteId" INTEGER,
    "evidenceUrl" TEXT,
    "evidenceTitle" TEXT,
    "evidenceDate" DATETIME,
    "authorId" INTEGER,
    "reviewerId" INTEGER,
    "correctsId" INTEGER,
    "version" INTEGER NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HistoryEntry_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HistoryEntry_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HistoryEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HistoryEntry_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HistoryEntry_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "HistoryEntry" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PendingChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "initiativeId" INTEGER NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "fromStage" TEXT,
    "toStage" TEXT,
    "effectiveOn" DATETIME,
    "note" TEXT NOT NULL,
    "overrideNote" TEXT,
    "quoteId" INTEGER,
    "evidenceUrl" TEXT,
    "evidenceTitle" TEXT,
    "evidenceDate" DATETIME,
    "authorId" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "reviewerId" INTEGER,
    "reviewNote" TEXT,
    "reviewedAt" DATETIME,
    "historyEntryId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PendingChange_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PendingChange_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PendingChange_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PendingChange_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PendingChange_historyEntryId_fkey" FOREIGN KEY ("historyEntryId") REFERENCES "HistoryEntry" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL,
    "resetAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "HistoryEntry_recordedAt_idx" ON "HistoryEntry"("recordedAt");

-- CreateIndex
CREATE UNIQUE INDEX "HistoryEntry_initiativeId_version_key" ON "HistoryEntry"("initiativeId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "PendingChange_historyEntryId_key" ON "PendingChange"("historyEntryId");

-- CreateIndex
CREATE INDEX "PendingChange_state_idx" ON "PendingChange"("state");

-- Carry the status history over (hand-written: the generated diff would drop it).
INSERT INTO "HistoryEntry" ("id", "initiativeId", "kind", "fromStatus", "toStatus", "fromStage", "toStage", "effectiveOn", "note", "quoteId", "evidenceUrl", "evidenceTitle", "evidenceDate", "authorId", "version", "recordedAt")
SELECT "id", "initiativeId", 'status_change', "fromStatus", "toStatus", "fromStage", "toStage", "effectiveOn", "note", "quoteId", "evidenceUrl", "evidenceTitle", "evidenceDate", "authorId", "version", "recordedAt" FROM "StatusChange";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "StatusChange";
PRAGMA foreign_keys=on;

-- History is append-only in the database itself (hand-written: Prisma does not manage triggers).
CREATE TRIGGER "HistoryEntry_append_only_update" BEFORE UPDATE ON "HistoryEntry"
BEGIN
  SELECT RAISE(ABORT, 'HistoryEntry rows are append-only: record a correcting entry instead');
END;

CREATE TRIGGER "HistoryEntry_append_only_delete" BEFORE DELETE ON "HistoryEntry"
BEGIN
  SELECT RAISE(ABORT, 'HistoryEntry rows are append-only: record a correcting entry instead');
END;
