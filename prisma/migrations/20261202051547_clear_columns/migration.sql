-- Review finding P-1: the clear columns at the coarsest grain that serves
-- the inbox and the statistics, and nothing of a case left after retention
-- but its counts (docs/data-protection.md). Prisma wrote the structure; by
-- hand: the conversion of the rows there are (each new column filled from
-- the old one before that goes) and the audit log's trigger at the end.

-- The audit log outlives the cases retention deletes: its case is named
-- (id and reference), no longer a foreign key.
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_caseId_fkey";

-- A service stays for the statistics when retention deletes its case.
ALTER TABLE "CounsellingService" DROP CONSTRAINT "CounsellingService_caseId_fkey";

-- DropIndex
DROP INDEX "Message_caseId_createdAt_idx";

-- DropIndex
DROP INDEX "Attachment_caseId_idx";

-- DropIndex
DROP INDEX "ReporterSession_lastSeenAt_idx";

-- Times nothing needs: when a pending grant, a grant or a service row was
-- written, and the case's last change (for an untouched request, its
-- arrival to the millisecond).
ALTER TABLE "PendingGrant" DROP COLUMN "createdAt";

-- The case's last change goes; the reporter's answers that neither the
-- inbox nor the statistics need are encrypted from now on, in
-- "reportedAnswers". Their clear columns stay for the rows there are, which
-- this migration cannot encrypt (it has no case key): they go with those
-- rows at retention.
ALTER TABLE "Case" DROP COLUMN "updatedAt",
ADD COLUMN     "reportedAnswers" BYTEA;

-- AlterTable
ALTER TABLE "CounsellingService" DROP COLUMN "createdAt",
ALTER COLUMN "caseId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "CaseKeyGrant" DROP COLUMN "createdAt";

-- Messages: the day and their order in the case instead of the time.
ALTER TABLE "Message" ADD COLUMN     "position" INTEGER,
ADD COLUMN     "sentOn" DATE;
UPDATE "Message" m SET "sentOn" = m."createdAt"::date, "position" = o."position"
    FROM (
        SELECT "id", row_number() OVER (PARTITION BY "caseId" ORDER BY "createdAt", "id")::int AS "position"
        FROM "Message"
    ) AS o
    WHERE o."id" = m."id";
ALTER TABLE "Message" ALTER COLUMN "position" SET NOT NULL,
ALTER COLUMN "sentOn" SET NOT NULL,
DROP COLUMN "createdAt";

-- Attachments: their order in the case instead of the time, and no size in
-- the clear. Files stored before this migration keep their unpadded
-- ciphertext (padding it needs the case key, which is not here), so its
-- length still gives their size until retention deletes them.
ALTER TABLE "Attachment" ADD COLUMN     "position" INTEGER;
UPDATE "Attachment" a SET "position" = o."position"
    FROM (
        SELECT "id", row_number() OVER (PARTITION BY "caseId" ORDER BY "createdAt", "id")::int AS "position"
        FROM "Attachment"
    ) AS o
    WHERE o."id" = a."id";
ALTER TABLE "Attachment" ALTER COLUMN "position" SET NOT NULL,
DROP COLUMN "createdAt",
DROP COLUMN "sizeBytes";

-- Reporter sessions: only the idle deadline, to the minute (rounded up, so
-- that no open session ends sooner than it would have).
ALTER TABLE "ReporterSession" ADD COLUMN     "expiresAt" TIMESTAMP(3);
UPDATE "ReporterSession"
    SET "expiresAt" = date_trunc('minute', "lastSeenAt" + interval '30 minutes') + interval '1 minute';
ALTER TABLE "ReporterSession" ALTER COLUMN "expiresAt" SET NOT NULL,
DROP COLUMN "createdAt",
DROP COLUMN "lastSeenAt";

-- CreateTable
CREATE TABLE "DeletedCaseTally" (
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "DeletedCaseTally_pkey" PRIMARY KEY ("year","quarter","dimension","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Message_caseId_position_key" ON "Message"("caseId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_caseId_position_key" ON "Attachment"("caseId", "position");

-- CreateIndex
CREATE INDEX "ReporterSession_expiresAt_idx" ON "ReporterSession"("expiresAt");

-- AddForeignKey
ALTER TABLE "CounsellingService" ADD CONSTRAINT "CounsellingService_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- By hand: the audit log stays append-only, but an entry may be deleted
-- once it is older than a year, the least time logs are kept (DSV Art. 4);
-- the retention run deletes those past the retention period. An update, a
-- truncate and the delete of a younger entry are refused, whoever asks.
CREATE OR REPLACE FUNCTION "audit_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW' THEN
        -- "at" holds UTC without a zone, as Prisma writes it.
        IF OLD."at" < (now() AT TIME ZONE 'UTC') - interval '1 year' THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
