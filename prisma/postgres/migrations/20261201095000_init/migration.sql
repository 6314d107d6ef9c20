-- CreateEnum
CREATE TYPE "InitiativeStatus" AS ENUM ('proposed', 'in_preparation', 'agreed', 'in_progress', 'implemented', 'stalled', 'dropped');

-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('announced', 'drafting', 'text_agreed', 'signed', 'ratified', 'in_force', 'operating');

-- CreateEnum
CREATE TYPE "InitiativeKind" AS ENUM ('proposal', 'decision', 'signed_document', 'project', 'target', 'diplomatic_position');

-- CreateEnum
CREATE TYPE "Theme" AS ENUM ('security', 'water_environment', 'transport_logistics', 'digital_ai', 'industry_minerals', 'trade_investment', 'tourism', 'institutions_diplomacy', 'research_expertise');

-- CreateEnum
CREATE TYPE "CountryRole" AS ENUM ('proposer', 'participant', 'supporter', 'candidate');

-- CreateEnum
CREATE TYPE "MeetingRelation" AS ENUM ('outcome', 'welcomed', 'bilateral_visit', 'background');

-- CreateEnum
CREATE TYPE "SpeakerKind" AS ENUM ('narrator', 'official', 'expert');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('admin', 'editor');

-- CreateEnum
CREATE TYPE "HistoryKind" AS ENUM ('status_change', 'edit', 'verification');

-- CreateEnum
CREATE TYPE "ReviewState" AS ENUM ('pending', 'approved', 'rejected');

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "placeRu" TEXT,
    "placeEn" TEXT,
    "dateText" TEXT,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT,
    "outlet" TEXT,
    "publishedOn" TIMESTAMP(3),
    "dateFromMetadata" BOOLEAN NOT NULL DEFAULT false,
    "language" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "initiativeId" INTEGER,
    "eventId" INTEGER,
    "countryCode" TEXT,
    "personId" INTEGER,
    "speakerKind" "SpeakerKind" NOT NULL DEFAULT 'narrator',
    "speakerPersonId" INTEGER,
    "attribution" TEXT,

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Country" (
    "code" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "member" BOOLEAN NOT NULL,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionRu" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "countryCode" TEXT,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Initiative" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "titleRu" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "summaryRu" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "kind" "InitiativeKind" NOT NULL,
    "status" "InitiativeStatus" NOT NULL,
    "stage" "Stage",
    "eventId" INTEGER NOT NULL,
    "meetingRelation" "MeetingRelation" NOT NULL,
    "signatoriesUnnamed" BOOLEAN NOT NULL DEFAULT false,
    "proposerCountryCode" TEXT,
    "proposerPersonId" INTEGER,
    "proposerQuoteId" INTEGER,
    "announcedOn" TIMESTAMP(3),
    "targetDate" TIMESTAMP(3),
    "targetDateText" TEXT,
    "lastVerifiedOn" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeTheme" (
    "initiativeId" INTEGER NOT NULL,
    "theme" "Theme" NOT NULL,

    CONSTRAINT "InitiativeTheme_pkey" PRIMARY KEY ("initiativeId","theme")
);

-- CreateTable
CREATE TABLE "Participation" (
    "initiativeId" INTEGER NOT NULL,
    "countryCode" TEXT NOT NULL,
    "role" "CountryRole" NOT NULL,
    "stage" "Stage",
    "quoteId" INTEGER,

    CONSTRAINT "Participation_pkey" PRIMARY KEY ("initiativeId","countryCode")
);

-- CreateTable
CREATE TABLE "Attendance" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "countryCode" TEXT NOT NULL,
    "quoteId" INTEGER NOT NULL,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HistoryEntry" (
    "id" SERIAL NOT NULL,
    "initiativeId" INTEGER NOT NULL,
    "kind" "HistoryKind" NOT NULL,
    "fromStatus" "InitiativeStatus",
    "toStatus" "InitiativeStatus",
    "fromStage" "Stage",
    "toStage" "Stage",
    "changes" TEXT NOT NULL DEFAULT '[]',
    "effectiveOn" TIMESTAMP(3),
    "note" TEXT NOT NULL,
    "overrideNote" TEXT,
    "quoteId" INTEGER,
    "evidenceUrl" TEXT,
    "evidenceTitle" TEXT,
    "evidenceDate" TIMESTAMP(3),
    "authorId" INTEGER,
    "reviewerId" INTEGER,
    "correctsId" INTEGER,
    "version" INTEGER NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HistoryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PendingChange" (
    "id" SERIAL NOT NULL,
    "initiativeId" INTEGER NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "fromStatus" "InitiativeStatus" NOT NULL,
    "toStatus" "InitiativeStatus" NOT NULL,
    "fromStage" "Stage",
    "toStage" "Stage",
    "effectiveOn" TIMESTAMP(3),
    "note" TEXT NOT NULL,
    "overrideNote" TEXT,
    "correctsId" INTEGER,
    "quoteId" INTEGER,
    "evidenceUrl" TEXT,
    "evidenceTitle" TEXT,
    "evidenceDate" TIMESTAMP(3),
    "authorId" INTEGER NOT NULL,
    "state" "ReviewState" NOT NULL DEFAULT 'pending',
    "reviewerId" INTEGER,
    "reviewNote" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "historyEntryId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Metric" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "initiativeId" INTEGER NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "unitRu" TEXT NOT NULL,
    "unitEn" TEXT NOT NULL,
    "baselineValue" DOUBLE PRECISION,
    "baselineText" TEXT,
    "baselinePeriod" TEXT,
    "baselineQuoteId" INTEGER,
    "targetValue" DOUBLE PRECISION,
    "targetText" TEXT,
    "targetDateText" TEXT,
    "targetDate" TIMESTAMP(3),
    "targetQuoteId" INTEGER,

    CONSTRAINT "Metric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricReading" (
    "id" SERIAL NOT NULL,
    "metricId" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "text" TEXT,
    "observedOn" TIMESTAMP(3),
    "observedText" TEXT,
    "quoteId" INTEGER,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricReading_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "UserRole" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Source_key_key" ON "Source"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Source_sha256_key" ON "Source"("sha256");

-- CreateIndex
CREATE INDEX "Quote_initiativeId_sourceId_idx" ON "Quote"("initiativeId", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Quote_sourceId_start_end_key" ON "Quote"("sourceId", "start", "end");

-- CreateIndex
CREATE UNIQUE INDEX "Person_slug_key" ON "Person"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Initiative_slug_key" ON "Initiative"("slug");

-- CreateIndex
CREATE INDEX "Initiative_status_idx" ON "Initiative"("status");

-- CreateIndex
CREATE INDEX "Initiative_stage_idx" ON "Initiative"("stage");

-- CreateIndex
CREATE INDEX "Initiative_kind_idx" ON "Initiative"("kind");

-- CreateIndex
CREATE INDEX "Initiative_proposerCountryCode_idx" ON "Initiative"("proposerCountryCode");

-- CreateIndex
CREATE INDEX "Initiative_meetingRelation_idx" ON "Initiative"("meetingRelation");

-- CreateIndex
CREATE INDEX "Initiative_titleRu_idx" ON "Initiative"("titleRu");

-- CreateIndex
CREATE INDEX "Initiative_titleEn_idx" ON "Initiative"("titleEn");

-- CreateIndex
CREATE INDEX "Initiative_updatedAt_idx" ON "Initiative"("updatedAt");

-- CreateIndex
CREATE INDEX "InitiativeTheme_theme_idx" ON "InitiativeTheme"("theme");

-- CreateIndex
CREATE INDEX "Participation_countryCode_idx" ON "Participation"("countryCode");

-- CreateIndex
CREATE INDEX "Attendance_countryCode_idx" ON "Attendance"("countryCode");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_eventId_countryCode_key" ON "Attendance"("eventId", "countryCode");

-- CreateIndex
CREATE INDEX "HistoryEntry_recordedAt_idx" ON "HistoryEntry"("recordedAt");

-- CreateIndex
CREATE INDEX "HistoryEntry_kind_recordedAt_idx" ON "HistoryEntry"("kind", "recordedAt");

-- CreateIndex
CREATE UNIQUE INDEX "HistoryEntry_initiativeId_version_key" ON "HistoryEntry"("initiativeId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "PendingChange_historyEntryId_key" ON "PendingChange"("historyEntryId");

-- CreateIndex
CREATE INDEX "PendingChange_state_idx" ON "PendingChange"("state");

-- CreateIndex
CREATE UNIQUE INDEX "Metric_slug_key" ON "Metric"("slug");

-- CreateIndex
CREATE INDEX "MetricReading_metricId_idx" ON "MetricReading"("metricId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_speakerPersonId_fkey" FOREIGN KEY ("speakerPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_proposerCountryCode_fkey" FOREIGN KEY ("proposerCountryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_proposerPersonId_fkey" FOREIGN KEY ("proposerPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_proposerQuoteId_fkey" FOREIGN KEY ("proposerQuoteId") REFERENCES "Quote"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeTheme" ADD CONSTRAINT "InitiativeTheme_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoryEntry" ADD CONSTRAINT "HistoryEntry_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoryEntry" ADD CONSTRAINT "HistoryEntry_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoryEntry" ADD CONSTRAINT "HistoryEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoryEntry" ADD CONSTRAINT "HistoryEntry_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoryEntry" ADD CONSTRAINT "HistoryEntry_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "HistoryEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingChange" ADD CONSTRAINT "PendingChange_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingChange" ADD CONSTRAINT "PendingChange_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingChange" ADD CONSTRAINT "PendingChange_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingChange" ADD CONSTRAINT "PendingChange_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingChange" ADD CONSTRAINT "PendingChange_historyEntryId_fkey" FOREIGN KEY ("historyEntryId") REFERENCES "HistoryEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Metric" ADD CONSTRAINT "Metric_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Metric" ADD CONSTRAINT "Metric_baselineQuoteId_fkey" FOREIGN KEY ("baselineQuoteId") REFERENCES "Quote"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Metric" ADD CONSTRAINT "Metric_targetQuoteId_fkey" FOREIGN KEY ("targetQuoteId") REFERENCES "Quote"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricReading" ADD CONSTRAINT "MetricReading_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricReading" ADD CONSTRAINT "MetricReading_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
