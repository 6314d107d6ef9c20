-- CreateEnum
CREATE TYPE "SuggestionSubject" AS ENUM ('initiative', 'source');

-- CreateEnum
CREATE TYPE "SuggestionState" AS ENUM ('open', 'accepted', 'declined');

-- CreateTable
CREATE TABLE "Suggestion" (
    "id" SERIAL NOT NULL,
    "subject" "SuggestionSubject" NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "url" TEXT,
    "email" TEXT,
    "locale" TEXT NOT NULL,
    "state" "SuggestionState" NOT NULL DEFAULT 'open',
    "resolution" TEXT,
    "resolvedById" INTEGER,
    "resolvedAt" TIMESTAMP(3),
    "outcomeSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Suggestion_state_createdAt_idx" ON "Suggestion"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Suggestion_subject_subjectKey_idx" ON "Suggestion"("subject", "subjectKey");

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
