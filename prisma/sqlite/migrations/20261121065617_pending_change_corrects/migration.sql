-- AlterTable
ALTER TABLE "PendingChange" ADD COLUMN "correctsId" INTEGER;
