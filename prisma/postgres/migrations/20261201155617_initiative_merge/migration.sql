-- AlterTable
ALTER TABLE "Initiative" ADD COLUMN     "mergedIntoId" INTEGER;

-- CreateIndex
CREATE INDEX "Initiative_mergedIntoId_idx" ON "Initiative"("mergedIntoId");

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Initiative"("id") ON DELETE SET NULL ON UPDATE CASCADE;
