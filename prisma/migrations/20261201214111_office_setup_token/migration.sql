-- CreateTable
CREATE TABLE "OfficeSetup" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "tokenHash" BYTEA NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "detailsSavedAt" TIMESTAMP(3),
    "pendingRecoveryKey" BYTEA,
    "leadId" TEXT,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "OfficeSetup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OfficeSetup_tokenHash_key" ON "OfficeSetup"("tokenHash");
