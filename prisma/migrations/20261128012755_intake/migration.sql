-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('COUNSELLOR', 'LEAD', 'ADMIN', 'STATISTICS');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('NEW', 'IN_PROGRESS', 'CLOSED', 'NOT_DISCRIMINATION');

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('ANONYMOUS', 'WITH_CONTACT');

-- CreateEnum
CREATE TYPE "GrantHolder" AS ENUM ('RECOVERY', 'STAFF', 'REPORTER');

-- CreateEnum
CREATE TYPE "MessageAuthor" AS ENUM ('REPORTER', 'STAFF');

-- CreateTable
CREATE TABLE "OfficeKeys" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "recoveryPublicKey" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfficeKeys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "publicKey" BYTEA NOT NULL,
    "wrappedPrivateKey" BYTEA NOT NULL,
    "keySalt" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'NEW',
    "channel" "ContactChannel" NOT NULL,
    "receivedOn" DATE NOT NULL,
    "reportedRequesterType" TEXT,
    "reportedIncidentMonth" INTEGER,
    "reportedIncidentYear" INTEGER,
    "reportedOngoing" TEXT,
    "reportedAreas" TEXT[],
    "reportedForms" TEXT[],
    "reportedMotives" TEXT[],
    "reportedActors" TEXT[],
    "reportedAgeGroup" TEXT,
    "reportedGender" TEXT,
    "reportedNationality" TEXT,
    "reportedResidence" TEXT,
    "reportedWishes" TEXT[],
    "interpreterNeeded" TEXT,
    "narrative" BYTEA NOT NULL,
    "place" BYTEA,
    "otherAnswers" BYTEA,
    "contact" BYTEA,
    "interpreterLanguage" BYTEA,
    "followUpLookup" BYTEA NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseKeyGrant" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "holder" "GrantHolder" NOT NULL,
    "staffUserId" TEXT,
    "sealedKey" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseKeyGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "author" "MessageAuthor" NOT NULL,
    "staffUserId" TEXT,
    "body" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "messageId" TEXT,
    "mediaType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "name" BYTEA NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReporterSession" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "encryptedCaseKey" BYTEA NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReporterSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "bucket" TEXT NOT NULL,
    "key" BYTEA NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("bucket","key","windowStart")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Case_reference_key" ON "Case"("reference");

-- CreateIndex
CREATE INDEX "Case_followUpLookup_idx" ON "Case"("followUpLookup");

-- CreateIndex
CREATE INDEX "Case_status_receivedOn_idx" ON "Case"("status", "receivedOn");

-- CreateIndex
CREATE INDEX "CaseKeyGrant_staffUserId_idx" ON "CaseKeyGrant"("staffUserId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseKeyGrant_caseId_holder_staffUserId_key" ON "CaseKeyGrant"("caseId", "holder", "staffUserId");

-- CreateIndex
CREATE INDEX "Message_caseId_createdAt_idx" ON "Message"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "Attachment_caseId_idx" ON "Attachment"("caseId");

-- CreateIndex
CREATE INDEX "ReporterSession_caseId_idx" ON "ReporterSession"("caseId");

-- CreateIndex
CREATE INDEX "ReporterSession_lastSeenAt_idx" ON "ReporterSession"("lastSeenAt");

-- CreateIndex
CREATE INDEX "RateLimitCounter_windowStart_idx" ON "RateLimitCounter"("windowStart");

-- AddForeignKey
ALTER TABLE "CaseKeyGrant" ADD CONSTRAINT "CaseKeyGrant_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseKeyGrant" ADD CONSTRAINT "CaseKeyGrant_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReporterSession" ADD CONSTRAINT "ReporterSession_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
