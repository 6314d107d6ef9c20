-- AlterTable
ALTER TABLE "Suggestion" ADD COLUMN "resultPath" TEXT;
