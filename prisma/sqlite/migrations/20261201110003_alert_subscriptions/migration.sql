-- CreateTable
CREATE TABLE "AlertSubscription" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "targetKey" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "confirmedAt" DATETIME,
    "lastEntryId" INTEGER NOT NULL DEFAULT 0,
    "lastSentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertSubscription_token_key" ON "AlertSubscription"("token");

-- CreateIndex
CREATE INDEX "AlertSubscription_confirmedAt_frequency_idx" ON "AlertSubscription"("confirmedAt", "frequency");

-- CreateIndex
CREATE UNIQUE INDEX "AlertSubscription_email_target_targetKey_key" ON "AlertSubscription"("email", "target", "targetKey");
