-- CreateEnum
CREATE TYPE "GuardianshipEndReason" AS ENUM ('COURT_ORDER', 'MOVED_AWAY', 'OTHER');

-- AlterTable
ALTER TABLE "Guardianship" ADD COLUMN     "endNote" TEXT,
ADD COLUMN     "endReason" "GuardianshipEndReason",
ADD COLUMN     "endedAt" TIMESTAMP(3);
