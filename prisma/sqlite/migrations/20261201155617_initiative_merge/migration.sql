-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Initiative" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "titleRu" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "summaryRu" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "stage" TEXT,
    "eventId" INTEGER NOT NULL,
    "meetingRelation" TEXT NOT NULL,
    "signatoriesUnnamed" BOOLEAN NOT NULL DEFAULT false,
    "proposerCountryCode" TEXT,
    "proposerPersonId" INTEGER,
    "proposerQuoteId" INTEGER,
    "announcedOn" DATETIME,
    "targetDate" DATETIME,
    "targetDateText" TEXT,
    "lastVerifiedOn" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "mergedIntoId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Initiative_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Initiative_proposerCountryCode_fkey" FOREIGN KEY ("proposerCountryCode") REFERENCES "Country" ("code") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Initiative_proposerPersonId_fkey" FOREIGN KEY ("proposerPersonId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Initiative_proposerQuoteId_fkey" FOREIGN KEY ("proposerQuoteId") REFERENCES "Quote" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Initiative_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Initiative" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Initiative" ("announcedOn", "createdAt", "eventId", "id", "kind", "lastVerifiedOn", "meetingRelation", "proposerCountryCode", "proposerPersonId", "proposerQuoteId", "signatoriesUnnamed", "slug", "stage", "status", "summaryEn", "summaryRu", "targetDate", "targetDateText", "titleEn", "titleRu", "updatedAt", "version") SELECT "announcedOn", "createdAt", "eventId", "id", "kind", "lastVerifiedOn", "meetingRelation", "proposerCountryCode", "proposerPersonId", "proposerQuoteId", "signatoriesUnnamed", "slug", "stage", "status", "summaryEn", "summaryRu", "targetDate", "targetDateText", "titleEn", "titleRu", "updatedAt", "version" FROM "Initiative";
DROP TABLE "Initiative";
ALTER TABLE "new_Initiative" RENAME TO "Initiative";
CREATE UNIQUE INDEX "Initiative_slug_key" ON "Initiative"("slug");
CREATE INDEX "Initiative_status_idx" ON "Initiative"("status");
CREATE INDEX "Initiative_stage_idx" ON "Initiative"("stage");
CREATE INDEX "Initiative_kind_idx" ON "Initiative"("kind");
CREATE INDEX "Initiative_proposerCountryCode_idx" ON "Initiative"("proposerCountryCode");
CREATE INDEX "Initiative_meetingRelation_idx" ON "Initiative"("meetingRelation");
CREATE INDEX "Initiative_titleRu_idx" ON "Initiative"("titleRu");
CREATE INDEX "Initiative_titleEn_idx" ON "Initiative"("titleEn");
CREATE INDEX "Initiative_updatedAt_idx" ON "Initiative"("updatedAt");
CREATE INDEX "Initiative_mergedIntoId_idx" ON "Initiative"("mergedIntoId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
