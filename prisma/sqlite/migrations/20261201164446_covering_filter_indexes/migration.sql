-- DropIndex
DROP INDEX "InitiativeTheme_theme_idx";

-- DropIndex
DROP INDEX "Participation_countryCode_idx";

-- CreateIndex
CREATE INDEX "InitiativeTheme_theme_initiativeId_idx" ON "InitiativeTheme"("theme", "initiativeId");

-- CreateIndex
CREATE INDEX "Participation_countryCode_initiativeId_idx" ON "Participation"("countryCode", "initiativeId");
