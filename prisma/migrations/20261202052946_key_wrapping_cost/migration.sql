-- Decision 0016: the private key is wrapped at a cost stored with it, and
-- unwrapping it checks the password; the separate verifier goes. The keys
-- there are were wrapped at the old cost (Argon2id 19 MiB, 2 passes, 1 lane),
-- which the columns say until each account's next sign-in re-wraps it.
-- AlterTable
ALTER TABLE "StaffUser" DROP COLUMN "passwordHash",
ADD COLUMN     "keyMemoryKiB" INTEGER NOT NULL DEFAULT 19456,
ADD COLUMN     "keyParallelism" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "keyPasses" INTEGER NOT NULL DEFAULT 2;

-- By hand: the defaults were for the rows there are; every new wrap names its cost.
ALTER TABLE "StaffUser"
    ALTER COLUMN "keyMemoryKiB" DROP DEFAULT,
    ALTER COLUMN "keyParallelism" DROP DEFAULT,
    ALTER COLUMN "keyPasses" DROP DEFAULT;

-- By hand: no key is wrapped below the floor of 64 MiB and 3 passes, but
-- for the keys wrapped at exactly the old cost before this migration.
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_key_cost_check"
    CHECK (("keyMemoryKiB" >= 65536 AND "keyPasses" >= 3 AND "keyParallelism" >= 1)
        OR ("keyMemoryKiB" = 19456 AND "keyPasses" = 2 AND "keyParallelism" = 1));
