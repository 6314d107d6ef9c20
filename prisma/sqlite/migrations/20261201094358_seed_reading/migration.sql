-- CreateTable
CREATE TABLE "Attendance" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "eventId" INTEGER NOT NULL,
    "countryCode" TEXT NOT NULL,
    "quoteId" INTEGER NOT NULL,
    CONSTRAINT "Attendance_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Attendance_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Attendance_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Initiative_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Initiative_proposerCountryCode_fkey" FOREIGN KEY ("proposerCountryCode") REFERENCES "Country" ("code") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Initiative_proposerPersonId_fkey" FOREIGN KEY ("proposerPersonId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Initiative_proposerQuoteId_fkey" FOREIGN KEY ("proposerQuoteId") REFERENCES "Quote" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Hand-edited: existing rows need a relation to the meeting. Seeded slugs get the reading of
-- docs/decisions/006; anything else was added by editors at the meeting's page, so "outcome".
INSERT INTO "new_Initiative" ("announcedOn", "createdAt", "eventId", "id", "kind", "lastVerifiedOn", "meetingRelation", "signatoriesUnnamed", "proposerCountryCode", "proposerPersonId", "proposerQuoteId", "slug", "stage", "status", "summaryEn", "summaryRu", "targetDate", "targetDateText", "titleEn", "titleRu", "updatedAt", "version") SELECT "announcedOn", "createdAt", "eventId", "id", "kind", "lastVerifiedOn",
  CASE
    WHEN "slug" IN ('tajikistan-kyrgyzstan-border-treaty', 'border-junction-point-treaty', 'tajikistan-accession-friendship-treaty') THEN 'welcomed'
    WHEN "slug" IN ('china-europe-corridor-capacity', 'eurasian-transport-logistics-system', 'industrial-cooperation-centre-central-asia', 'kazakhstan-uzbekistan-joint-projects') THEN 'bilateral_visit'
    WHEN "slug" IN ('semey-chip-electronics-production', 'astana-hub-it-park-cooperation', 'trump-route-tmtm-link') THEN 'background'
    ELSE 'outcome'
  END,
  "slug" IN ('regional-security-concept', 'risk-prevention-catalogue'),
  "proposerCountryCode", "proposerPersonId", "proposerQuoteId", "slug", "stage", "status", "summaryEn", "summaryRu", "targetDate", "targetDateText", "titleEn", "titleRu", "updatedAt", "version" FROM "Initiative";
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
CREATE TABLE "new_Quote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceId" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "initiativeId" INTEGER,
    "eventId" INTEGER,
    "countryCode" TEXT,
    "personId" INTEGER,
    "speakerKind" TEXT NOT NULL DEFAULT 'narrator',
    "speakerPersonId" INTEGER,
    "attribution" TEXT,
    CONSTRAINT "Quote_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Quote_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Quote_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Quote_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country" ("code") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Quote_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Quote_speakerPersonId_fkey" FOREIGN KEY ("speakerPersonId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Quote" ("countryCode", "end", "eventId", "id", "initiativeId", "personId", "sourceId", "start", "text") SELECT "countryCode", "end", "eventId", "id", "initiativeId", "personId", "sourceId", "start", "text" FROM "Quote";
DROP TABLE "Quote";
ALTER TABLE "new_Quote" RENAME TO "Quote";
CREATE INDEX "Quote_initiativeId_sourceId_idx" ON "Quote"("initiativeId", "sourceId");
CREATE UNIQUE INDEX "Quote_sourceId_start_end_key" ON "Quote"("sourceId", "start", "end");
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- Hand-edited: the first article's date is its metadata line (docs/decisions/006).
INSERT INTO "new_Source" ("createdAt", "dateFromMetadata", "id", "key", "language", "outlet", "publishedOn", "sha256", "text", "title") SELECT "createdAt", "key" = '000_02323e7b5ee229ed.txt', "id", "key", "language", "outlet", "publishedOn", "sha256", "text", "title" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE UNIQUE INDEX "Source_key_key" ON "Source"("key");
CREATE UNIQUE INDEX "Source_sha256_key" ON "Source"("sha256");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Attendance_countryCode_idx" ON "Attendance"("countryCode");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_eventId_countryCode_key" ON "Attendance"("eventId", "countryCode");
