-- The statistics' services pass leaves out the services of cases marked "not a
-- discrimination case". Without this index it read every case to find them,
-- once for the report's year and once for the year before its summary
-- compares with (decision 0009).
-- CreateIndex
CREATE INDEX "Case_notDiscrimination_idx" ON "Case"("id") WHERE ("status" = 'NOT_DISCRIMINATION');
