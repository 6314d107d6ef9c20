-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PendingChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "initiativeId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'status',
    "payload" TEXT,
    "changes" TEXT NOT NULL DEFAULT '[]',
    "baseVersion" INTEGER NOT NULL,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "fromStage" TEXT,
    "toStage" TEXT,
    "effectiveOn" DATETIME,
    "note" TEXT NOT NULL,
    "overrideNote" TEXT,
    "correctsId" INTEGER,
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
INSERT INTO "new_PendingChange" ("authorId", "baseVersion", "correctsId", "createdAt", "effectiveOn", "evidenceDate", "evidenceTitle", "evidenceUrl", "fromStage", "fromStatus", "historyEntryId", "id", "initiativeId", "note", "overrideNote", "quoteId", "reviewNote", "reviewedAt", "reviewerId", "state", "toStage", "toStatus") SELECT "authorId", "baseVersion", "correctsId", "createdAt", "effectiveOn", "evidenceDate", "evidenceTitle", "evidenceUrl", "fromStage", "fromStatus", "historyEntryId", "id", "initiativeId", "note", "overrideNote", "quoteId", "reviewNote", "reviewedAt", "reviewerId", "state", "toStage", "toStatus" FROM "PendingChange";
DROP TABLE "PendingChange";
ALTER TABLE "new_PendingChange" RENAME TO "PendingChange";
CREATE UNIQUE INDEX "PendingChange_historyEntryId_key" ON "PendingChange"("historyEntryId");
CREATE INDEX "PendingChange_state_idx" ON "PendingChange"("state");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
