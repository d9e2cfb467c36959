-- AddForeignKey
ALTER TABLE "OfficeSetup" ADD CONSTRAINT "OfficeSetup_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;
