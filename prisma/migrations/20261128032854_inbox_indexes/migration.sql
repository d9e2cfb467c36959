-- CreateIndex
CREATE INDEX "Case_areas_idx" ON "Case" USING GIN ("areas");

-- CreateIndex
CREATE INDEX "Case_reportedAreas_idx" ON "Case" USING GIN ("reportedAreas");

-- CreateIndex
CREATE INDEX "Case_requesterType_idx" ON "Case"("requesterType");

-- CreateIndex
CREATE INDEX "Case_reportedRequesterType_idx" ON "Case"("reportedRequesterType");
