-- AlterTable
ALTER TABLE "Survey" ADD COLUMN     "roundId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Survey_roundId_schoolId_key" ON "Survey"("roundId", "schoolId");

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_roundId_schoolId_fkey" FOREIGN KEY ("roundId", "schoolId") REFERENCES "TalkRound"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;
