-- Activities beyond cases (issue 12, item 6): events, trainings and advice to
-- institutions, counted in the statistics. Prisma wrote the table from
-- schema.prisma; the CHECK constraints at the end are written by hand
-- (decision 0012).
-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "participants" INTEGER,
    "minutes" INTEGER NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Activity_heldOn_idx" ON "Activity"("heldOn");

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the choice lists of app/platform/taxonomy.ts and the ranges of
-- the form (app/features/activities/activity-schemas.ts). A new value in a
-- list needs a migration that drops and re-adds its constraint.
ALTER TABLE "Activity"
    ADD CONSTRAINT "Activity_kind_check" CHECK ("kind" IN ('information_event', 'training', 'institution_advice')),
    ADD CONSTRAINT "Activity_audience_check" CHECK ("audience" IN ('public', 'education', 'employers', 'administration', 'police_justice', 'housing', 'health', 'social_services', 'associations', 'other')),
    ADD CONSTRAINT "Activity_participants_check" CHECK ("participants" BETWEEN 0 AND 100000),
    ADD CONSTRAINT "Activity_minutes_check" CHECK ("minutes" BETWEEN 15 AND 6000 AND "minutes" % 15 = 0);
