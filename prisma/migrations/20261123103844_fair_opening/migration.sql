-- AlterTable
ALTER TABLE "TalkRound" ADD COLUMN     "allocatedAt" TIMESTAMP(3),
ADD COLUMN     "preferencesCloseAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RoundPreference" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "blockIds" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoundPreference_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RoundPreference_roundId_childId_key" ON "RoundPreference"("roundId", "childId");

-- AddForeignKey
ALTER TABLE "RoundPreference" ADD CONSTRAINT "RoundPreference_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundPreference" ADD CONSTRAINT "RoundPreference_roundId_schoolId_fkey" FOREIGN KEY ("roundId", "schoolId") REFERENCES "TalkRound"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundPreference" ADD CONSTRAINT "RoundPreference_childId_schoolId_fkey" FOREIGN KEY ("childId", "schoolId") REFERENCES "Child"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;
