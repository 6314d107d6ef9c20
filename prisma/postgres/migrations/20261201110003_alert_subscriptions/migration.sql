-- CreateEnum
CREATE TYPE "AlertTarget" AS ENUM ('initiative', 'country', 'theme');

-- CreateEnum
CREATE TYPE "AlertFrequency" AS ENUM ('immediate', 'daily');

-- CreateTable
CREATE TABLE "AlertSubscription" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "target" "AlertTarget" NOT NULL,
    "targetKey" TEXT NOT NULL,
    "frequency" "AlertFrequency" NOT NULL,
    "locale" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "lastEntryId" INTEGER NOT NULL DEFAULT 0,
    "lastSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertSubscription_token_key" ON "AlertSubscription"("token");

-- CreateIndex
CREATE INDEX "AlertSubscription_confirmedAt_frequency_idx" ON "AlertSubscription"("confirmedAt", "frequency");

-- CreateIndex
CREATE UNIQUE INDEX "AlertSubscription_email_target_targetKey_key" ON "AlertSubscription"("email", "target", "targetKey");
