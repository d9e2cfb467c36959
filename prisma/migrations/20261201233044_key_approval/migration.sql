-- CreateEnum
CREATE TYPE "InvitationKind" AS ENUM ('NEW_ACCOUNT', 'PASSWORD_RESET');

-- CreateEnum
CREATE TYPE "KeyRequestReason" AS ENUM ('INVITATION', 'PASSWORD_RESET', 'ROLE_CHANGE', 'UPGRADE');

-- CreateEnum
CREATE TYPE "KeyRequestOutcome" AS ENUM ('APPROVED', 'REFUSED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "caseKeysApprovedAt" TIMESTAMP(3);

-- AlterTable (by hand: "kind" is filled in for the links there are before it becomes NOT NULL)
ALTER TABLE "Invitation" ADD COLUMN     "kind" "InvitationKind",
ADD COLUMN     "revokedAt" TIMESTAMP(3),
ADD COLUMN     "staffUserId" TEXT;

-- By hand: what the links there are were for. A link for an address that
-- has an account resets that account; one made before the account existed
-- was a second invitation, which used to reset the account the first one
-- made (review finding M-3): those are revoked. Of the open links of one
-- address only the newest stays open.
UPDATE "Invitation" i SET "kind" = 'PASSWORD_RESET', "staffUserId" = u."id",
    "revokedAt" = CASE WHEN i."usedAt" IS NULL AND i."createdAt" < u."createdAt" THEN now() END
    FROM "StaffUser" u WHERE u."email" = i."email";
UPDATE "Invitation" SET "kind" = 'NEW_ACCOUNT' WHERE "kind" IS NULL;
ALTER TABLE "Invitation" ALTER COLUMN "kind" SET NOT NULL;
UPDATE "Invitation" i SET "revokedAt" = now()
    WHERE i."usedAt" IS NULL AND i."revokedAt" IS NULL AND EXISTS (
        SELECT 1 FROM "Invitation" newer
        WHERE newer."email" = i."email" AND newer."usedAt" IS NULL AND newer."revokedAt" IS NULL
          AND (newer."createdAt", newer."id") > (i."createdAt", i."id"));

-- CreateTable
CREATE TABLE "KeyAccessRequest" (
    "id" TEXT NOT NULL,
    "staffUserId" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "reason" "KeyRequestReason" NOT NULL,
    "requestedById" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" "KeyRequestOutcome",
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,

    CONSTRAINT "KeyAccessRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KeyAccessRequest_open_key" ON "KeyAccessRequest"("staffUserId") WHERE ("decidedAt" IS NULL);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_open_email_key" ON "Invitation"("email") WHERE ("usedAt" IS NULL AND "revokedAt" IS NULL);

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyAccessRequest" ADD CONSTRAINT "KeyAccessRequest_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyAccessRequest" ADD CONSTRAINT "KeyAccessRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyAccessRequest" ADD CONSTRAINT "KeyAccessRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- By hand: a reset link names its account, an invitation for a new account none.
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_kind_check"
    CHECK (("kind" = 'PASSWORD_RESET') = ("staffUserId" IS NOT NULL));

-- By hand: a request is decided with an outcome, or open without one; a
-- refusal or withdrawal names who made it (only the recovery key approves
-- as nobody); only the upgrade below asks as nobody.
ALTER TABLE "KeyAccessRequest"
    ADD CONSTRAINT "KeyAccessRequest_decision_check"
        CHECK (("outcome" IS NULL) = ("decidedAt" IS NULL)),
    ADD CONSTRAINT "KeyAccessRequest_decidedBy_check"
        CHECK ("decidedById" IS NOT NULL OR "outcome" IS NULL OR "outcome" = 'APPROVED'),
    ADD CONSTRAINT "KeyAccessRequest_requestedBy_check"
        CHECK (("requestedById" IS NULL) = ("reason" = 'UPGRADE'));

-- By hand: the accounts there are. One that waits for keys (pending grants)
-- would have had them completed at the next lead's sign-in; now a lead
-- decides. Every other account holds what it holds and is approved as it is.
INSERT INTO "KeyAccessRequest" ("id", "staffUserId", "role", "reason")
    SELECT gen_random_uuid()::text, u."id", u."role", 'UPGRADE' FROM "StaffUser" u
    WHERE EXISTS (SELECT 1 FROM "PendingGrant" p WHERE p."staffUserId" = u."id");
UPDATE "StaffUser" u SET "caseKeysApprovedAt" = now()
    WHERE NOT EXISTS (SELECT 1 FROM "PendingGrant" p WHERE p."staffUserId" = u."id");
