-- Integrity in the database, not only in the app (docs/decisions,
-- "integrity in the database"): every reference a foreign key, one grant
-- per holder, the choice lists as CHECK constraints. Prisma wrote the first
-- part from schema.prisma; the CHECK constraints at the end are written by
-- hand, since schema.prisma cannot express them: the drift test
-- (tests/integration/migrations.test.ts) leaves them out, and
-- tests/integration/database-integrity.test.ts holds them to
-- app/platform/taxonomy.ts.

-- DropForeignKey
ALTER TABLE "Case" DROP CONSTRAINT "Case_assignedToId_fkey";

-- CreateIndex
CREATE UNIQUE INDEX "CaseKeyGrant_caseId_holder_without_staff_key" ON "CaseKeyGrant"("caseId", "holder") WHERE ("staffUserId" IS NULL);

-- CreateIndex
CREATE UNIQUE INDEX "Message_id_caseId_key" ON "Message"("id", "caseId");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_targetUserId_fkey" FOREIGN KEY ("targetUserId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseStatusChange" ADD CONSTRAINT "CaseStatusChange_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounsellingService" ADD CONSTRAINT "CounsellingService_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_messageId_caseId_fkey" FOREIGN KEY ("messageId", "caseId") REFERENCES "Message"("id", "caseId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: CHECK constraints. A new value in a list of
-- app/platform/taxonomy.ts needs a migration that drops and re-adds its
-- constraint (the integrity test fails until it exists).

-- The reporter's answers: a value of the list, or "prefer not to say".
ALTER TABLE "Case"
    ADD CONSTRAINT "Case_reportedRequesterType_check" CHECK ("reportedRequesterType" IN ('affected', 'witness', 'relative', 'professional', 'institution', 'prefer_not_to_say')),
    ADD CONSTRAINT "Case_reportedOngoing_check" CHECK ("reportedOngoing" IN ('yes', 'no', 'prefer_not_to_say')),
    ADD CONSTRAINT "Case_reportedAreas_check" CHECK ("reportedAreas" <@ ARRAY['work', 'education', 'housing', 'neighbourhood', 'public_space', 'administration', 'police', 'justice', 'health', 'social_services', 'leisure', 'private_services', 'internet_media', 'asylum', 'military', 'other', 'prefer_not_to_say']),
    ADD CONSTRAINT "Case_reportedForms_check" CHECK ("reportedForms" <@ ARRAY['unequal_treatment', 'insult', 'derogatory_statements', 'defamation', 'gestures', 'threat', 'harassment', 'violence', 'property_damage', 'ethnic_profiling', 'hate_speech', 'other', 'prefer_not_to_say']),
    ADD CONSTRAINT "Case_reportedMotives_check" CHECK ("reportedMotives" <@ ARRAY['xenophobia', 'anti_black', 'anti_muslim', 'anti_arab', 'anti_asian', 'antisemitism', 'antiziganism', 'far_right', 'other_unclear', 'prefer_not_to_say']),
    ADD CONSTRAINT "Case_reportedActors_check" CHECK ("reportedActors" <@ ARRAY['private_person', 'neighbour', 'employer', 'colleague', 'school_staff', 'landlord', 'public_employee', 'police', 'security_staff', 'business', 'media_online', 'unknown', 'prefer_not_to_say']),
    ADD CONSTRAINT "Case_reportedAgeGroup_check" CHECK ("reportedAgeGroup" IN ('under_18', '18_25', '26_40', '41_64', '65_plus', 'prefer_not_to_say')),
    ADD CONSTRAINT "Case_reportedGender_check" CHECK ("reportedGender" IN ('woman', 'man', 'non_binary_other', 'prefer_not_to_say')),
    ADD CONSTRAINT "Case_reportedNationality_check" CHECK ("reportedNationality" IN ('swiss', 'dual', 'eu_efta', 'other', 'prefer_not_to_say')),
    ADD CONSTRAINT "Case_reportedResidence_check" CHECK ("reportedResidence" IN ('swiss', 'permit_c', 'permit_b', 'permit_f', 'permit_n', 'permit_s', 'other', 'prefer_not_to_say')),
    ADD CONSTRAINT "Case_reportedWishes_check" CHECK ("reportedWishes" <@ ARRAY['information', 'counselling', 'intervention', 'legal_support', 'document_only', 'prefer_not_to_say']),
    ADD CONSTRAINT "Case_interpreterNeeded_check" CHECK ("interpreterNeeded" IN ('yes', 'no', 'prefer_not_to_say')),
    ADD CONSTRAINT "Case_reportedIncidentMonth_check" CHECK ("reportedIncidentMonth" BETWEEN 1 AND 12);

-- The counsellor's classification and the outcome: values of the list only.
ALTER TABLE "Case"
    ADD CONSTRAINT "Case_requesterType_check" CHECK ("requesterType" IN ('affected', 'witness', 'relative', 'professional', 'institution')),
    ADD CONSTRAINT "Case_areas_check" CHECK ("areas" <@ ARRAY['work', 'education', 'housing', 'neighbourhood', 'public_space', 'administration', 'police', 'justice', 'health', 'social_services', 'leisure', 'private_services', 'internet_media', 'asylum', 'military', 'other']),
    ADD CONSTRAINT "Case_forms_check" CHECK ("forms" <@ ARRAY['unequal_treatment', 'insult', 'derogatory_statements', 'defamation', 'gestures', 'threat', 'harassment', 'violence', 'property_damage', 'ethnic_profiling', 'hate_speech', 'other']),
    ADD CONSTRAINT "Case_motives_check" CHECK ("motives" <@ ARRAY['xenophobia', 'anti_black', 'anti_muslim', 'anti_arab', 'anti_asian', 'antisemitism', 'antiziganism', 'far_right', 'other_unclear']),
    ADD CONSTRAINT "Case_actors_check" CHECK ("actors" <@ ARRAY['private_person', 'neighbour', 'employer', 'colleague', 'school_staff', 'landlord', 'public_employee', 'police', 'security_staff', 'business', 'media_online', 'unknown']),
    ADD CONSTRAINT "Case_outcome_check" CHECK ("outcome" IN ('resolved', 'partly_resolved', 'not_resolved', 'referred', 'information_given', 'contact_lost', 'withdrawn'));

-- Why the personal data are gone, and that a reason goes with the date.
ALTER TABLE "Case"
    ADD CONSTRAINT "Case_personalDataDeletion_check" CHECK ("personalDataDeletion" IN ('retention', 'on_request', 'withdrawn')),
    ADD CONSTRAINT "Case_personalDataDeletion_dated_check" CHECK (("personalDataDeletedAt" IS NULL) = ("personalDataDeletion" IS NULL));

ALTER TABLE "CounsellingService"
    ADD CONSTRAINT "CounsellingService_type_check" CHECK ("type" IN ('information', 'psychosocial', 'legal_information', 'intervention', 'mediation', 'referral', 'accompaniment', 'interpreting')),
    ADD CONSTRAINT "CounsellingService_minutes_check" CHECK ("minutes" BETWEEN 1 AND 1440);

-- A staff grant names its staff member, the recovery and reporter grants
-- none; with the two unique indexes, each holder has one grant per case.
ALTER TABLE "CaseKeyGrant"
    ADD CONSTRAINT "CaseKeyGrant_holder_check" CHECK (("holder" = 'STAFF') = ("staffUserId" IS NOT NULL));

-- A staff message names its author; a reporter's names nobody.
ALTER TABLE "Message"
    ADD CONSTRAINT "Message_author_check" CHECK (("author" = 'STAFF') = ("staffUserId" IS NOT NULL));

-- One row each, and the settings the admin's form allows.
ALTER TABLE "OfficeSettings"
    ADD CONSTRAINT "OfficeSettings_id_check" CHECK ("id" = 1),
    ADD CONSTRAINT "OfficeSettings_retentionMonths_check" CHECK ("retentionMonths" BETWEEN 1 AND 240),
    ADD CONSTRAINT "OfficeSettings_statisticsThreshold_check" CHECK ("statisticsThreshold" BETWEEN 1 AND 100);
ALTER TABLE "OfficeKeys"
    ADD CONSTRAINT "OfficeKeys_id_check" CHECK ("id" = 1);
