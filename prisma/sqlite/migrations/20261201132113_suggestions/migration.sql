-- CreateTable
CREATE TABLE "Suggestion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "subject" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "url" TEXT,
    "email" TEXT,
    "locale" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "resolution" TEXT,
    "resolvedById" INTEGER,
    "resolvedAt" DATETIME,
    "outcomeSentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Suggestion_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Suggestion_state_createdAt_idx" ON "Suggestion"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Suggestion_subject_subjectKey_idx" ON "Suggestion"("subject", "subjectKey");
