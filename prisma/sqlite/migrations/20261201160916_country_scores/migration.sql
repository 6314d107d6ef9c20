-- CreateTable
CREATE TABLE "Score" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "initiativeId" INTEGER NOT NULL,
    "countryCode" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "asOf" DATETIME NOT NULL,
    "quoteId" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Score_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Score_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Score_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Score_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Score_countryCode_idx" ON "Score"("countryCode");

-- CreateIndex
CREATE INDEX "Score_recordedAt_idx" ON "Score"("recordedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Score_initiativeId_countryCode_version_key" ON "Score"("initiativeId", "countryCode", "version");
