-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "complaintOffence" BYTEA,
ADD COLUMN     "dueOn" DATE,
ADD COLUMN     "dueReason" BYTEA,
ADD COLUMN     "waitingSince" DATE;

-- CreateTable
CREATE TABLE "CaseRead" (
    "caseId" TEXT NOT NULL,
    "staffUserId" TEXT NOT NULL,
    "readUpTo" INTEGER NOT NULL,

    CONSTRAINT "CaseRead_pkey" PRIMARY KEY ("caseId","staffUserId")
);

-- CreateIndex
CREATE INDEX "CaseRead_staffUserId_idx" ON "CaseRead"("staffUserId");

-- CreateIndex
CREATE INDEX "Case_waitingSince_idx" ON "Case"("waitingSince") WHERE ("waitingSince" IS NOT NULL);

-- CreateIndex
CREATE INDEX "Case_dueOn_idx" ON "Case"("dueOn") WHERE ("dueOn" IS NOT NULL);

-- CreateIndex
CREATE INDEX "Case_assignedToId_dueOn_idx" ON "Case"("assignedToId", "dueOn") WHERE ("dueOn" IS NOT NULL);

-- AddForeignKey
ALTER TABLE "CaseRead" ADD CONSTRAINT "CaseRead_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseRead" ADD CONSTRAINT "CaseRead_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- By hand: what waits in the cases already stored (decision 0019). An open
-- case that no staff message has answered waits since it arrived; one that
-- staff have written to waits since the reporter's oldest message after
-- staff's last, if there is one. A closed case waits for nothing.
UPDATE "Case" c SET "waitingSince" = CASE
    WHEN NOT EXISTS (SELECT 1 FROM "Message" s WHERE s."caseId" = c.id AND s.author = 'STAFF')
        THEN c."receivedOn"
    ELSE (
        SELECT min(m."sentOn") FROM "Message" m
        WHERE m."caseId" = c.id AND m.author = 'REPORTER'
          AND m.position > (SELECT max(s.position) FROM "Message" s WHERE s."caseId" = c.id AND s.author = 'STAFF')
    )
END
WHERE c.status IN ('NEW', 'IN_PROGRESS');
