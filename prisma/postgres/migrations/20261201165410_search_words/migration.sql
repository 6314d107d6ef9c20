-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,
    "length" INTEGER NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "SearchWord_length_idx" ON "SearchWord"("length");
