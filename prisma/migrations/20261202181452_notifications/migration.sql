-- CreateEnum
CREATE TYPE "NoticeMode" AS ENUM ('EACH', 'DIGEST');

-- AlterTable
ALTER TABLE "OfficeSettings" ADD COLUMN     "officeEmail" TEXT;

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "noticeMode" "NoticeMode" NOT NULL DEFAULT 'EACH',
ADD COLUMN     "noticesPending" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "MailDeliveryStatus" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "lastDeliveredAt" TIMESTAMP(3),
    "lastFailureAt" TIMESTAMP(3),
    "lastFailure" TEXT,

    CONSTRAINT "MailDeliveryStatus_pkey" PRIMARY KEY ("id")
);

-- By hand (decision 0012): one status row, and no negative count of pending notices.
ALTER TABLE "MailDeliveryStatus"
    ADD CONSTRAINT "MailDeliveryStatus_id_check" CHECK ("id" = 1);
ALTER TABLE "StaffUser"
    ADD CONSTRAINT "StaffUser_noticesPending_check" CHECK ("noticesPending" >= 0);
