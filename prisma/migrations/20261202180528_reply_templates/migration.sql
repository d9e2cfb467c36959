-- CreateEnum
CREATE TYPE "ReplyTemplatePurpose" AS ENUM ('ACKNOWLEDGEMENT', 'APPOINTMENT', 'REFERRAL', 'OTHER');

-- CreateTable
CREATE TABLE "ReplyTemplate" (
    "id" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "purpose" "ReplyTemplatePurpose" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReplyTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReplyTemplate_language_purpose_idx" ON "ReplyTemplate"("language", "purpose");
