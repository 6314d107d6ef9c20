-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('news_report', 'official_statement', 'document_text', 'analysis');

-- CreateEnum
CREATE TYPE "HistorySubject" AS ENUM ('source', 'event', 'metric');

-- CreateEnum
CREATE TYPE "RecordAction" AS ENUM ('created', 'corrected');

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "createdById" INTEGER,
ADD COLUMN     "kind" "SourceKind",
ADD COLUMN     "url" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "SourceFile" (
    "sourceId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "SourceFile_pkey" PRIMARY KEY ("sourceId")
);

-- CreateTable
CREATE TABLE "PassageRejection" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "initiativeId" INTEGER,
    "reason" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PassageRejection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordHistoryEntry" (
    "id" SERIAL NOT NULL,
    "subject" "HistorySubject" NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "action" "RecordAction" NOT NULL,
    "changes" TEXT NOT NULL DEFAULT '[]',
    "note" TEXT NOT NULL,
    "authorId" INTEGER,
    "version" INTEGER NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordHistoryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PassageRejection_sourceId_idx" ON "PassageRejection"("sourceId");

-- CreateIndex
CREATE INDEX "RecordHistoryEntry_recordedAt_idx" ON "RecordHistoryEntry"("recordedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecordHistoryEntry_subject_subjectId_version_key" ON "RecordHistoryEntry"("subject", "subjectId", "version");

-- CreateIndex
CREATE INDEX "Source_outlet_idx" ON "Source"("outlet");

-- CreateIndex
CREATE INDEX "Source_kind_idx" ON "Source"("kind");

-- CreateIndex
CREATE INDEX "Source_language_idx" ON "Source"("language");

-- CreateIndex
CREATE INDEX "Source_publishedOn_idx" ON "Source"("publishedOn");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceFile" ADD CONSTRAINT "SourceFile_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassageRejection" ADD CONSTRAINT "PassageRejection_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassageRejection" ADD CONSTRAINT "PassageRejection_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassageRejection" ADD CONSTRAINT "PassageRejection_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordHistoryEntry" ADD CONSTRAINT "RecordHistoryEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: record history is append-only in the database itself, as HistoryEntry is.
CREATE FUNCTION "RecordHistoryEntry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'RecordHistoryEntry rows are append-only: record a correcting entry instead';
END;
$$;

CREATE TRIGGER "RecordHistoryEntry_append_only_update" BEFORE UPDATE ON "RecordHistoryEntry"
  FOR EACH ROW EXECUTE FUNCTION "RecordHistoryEntry_append_only"();

CREATE TRIGGER "RecordHistoryEntry_append_only_delete" BEFORE DELETE ON "RecordHistoryEntry"
  FOR EACH ROW EXECUTE FUNCTION "RecordHistoryEntry_append_only"();
