-- DropIndex
DROP INDEX "Quote_initiativeId_idx";

-- CreateIndex
CREATE INDEX "HistoryEntry_kind_recordedAt_idx" ON "HistoryEntry"("kind", "recordedAt");

-- CreateIndex
CREATE INDEX "Initiative_stage_idx" ON "Initiative"("stage");

-- CreateIndex
CREATE INDEX "Initiative_kind_idx" ON "Initiative"("kind");

-- CreateIndex
CREATE INDEX "Initiative_proposerCountryCode_idx" ON "Initiative"("proposerCountryCode");

-- CreateIndex
CREATE INDEX "Initiative_titleRu_idx" ON "Initiative"("titleRu");

-- CreateIndex
CREATE INDEX "Initiative_titleEn_idx" ON "Initiative"("titleEn");

-- CreateIndex
CREATE INDEX "Initiative_updatedAt_idx" ON "Initiative"("updatedAt");

-- CreateIndex
CREATE INDEX "Quote_initiativeId_sourceId_idx" ON "Quote"("initiativeId", "sourceId");
