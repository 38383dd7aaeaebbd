-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN     "failedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "OutboxMail_schoolId_failedAt_idx" ON "OutboxMail"("schoolId", "failedAt");
