-- CreateTable
CREATE TABLE "SpentFormToken" (
    "tokenHash" BYTEA NOT NULL,
    "spentOn" DATE NOT NULL,

    CONSTRAINT "SpentFormToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "SpentFormToken_spentOn_idx" ON "SpentFormToken"("spentOn");
