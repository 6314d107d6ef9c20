-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL PRIMARY KEY,
    "length" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "SearchWord_length_idx" ON "SearchWord"("length");
