-- CreateEnum
CREATE TYPE "PendingKind" AS ENUM ('status', 'details', 'countries', 'metric', 'verification');

-- AlterTable
ALTER TABLE "PendingChange" ADD COLUMN     "changes" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "kind" "PendingKind" NOT NULL DEFAULT 'status',
ADD COLUMN     "payload" TEXT;
