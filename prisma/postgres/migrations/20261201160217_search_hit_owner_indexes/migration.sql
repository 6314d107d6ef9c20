-- CreateIndex
CREATE INDEX "HistoryEntry_id_initiativeId_idx" ON "HistoryEntry"("id", "initiativeId");

-- CreateIndex
CREATE INDEX "Quote_id_initiativeId_idx" ON "Quote"("id", "initiativeId");
