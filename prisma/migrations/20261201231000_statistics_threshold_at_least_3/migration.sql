-- Below 3, a "×" among few cases tells too much (a threshold of 2 hides
-- exactly the cells that hold 1): the statistics threshold is at least 3.
UPDATE "OfficeSettings" SET "statisticsThreshold" = 3 WHERE "statisticsThreshold" < 3;
ALTER TABLE "OfficeSettings" DROP CONSTRAINT "OfficeSettings_statisticsThreshold_check";
ALTER TABLE "OfficeSettings" ADD CONSTRAINT "OfficeSettings_statisticsThreshold_check" CHECK ("statisticsThreshold" BETWEEN 3 AND 100);
