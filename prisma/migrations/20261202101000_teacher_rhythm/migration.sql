-- CreateEnum
CREATE TYPE "TalkWishKind" AS ENUM ('REQUESTED', 'NOT_NEEDED');

-- AlterTable
ALTER TABLE "TalkRound" ADD COLUMN     "breakAfterTalks" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "breakMinutes" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "RoundBreak" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "groupId" TEXT,
    "teacherKey" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoundBreak_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduleRhythm" (
    "roundId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "teacherKey" TEXT NOT NULL DEFAULT '',
    "breakAfterTalks" INTEGER NOT NULL,
    "breakMinutes" INTEGER NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScheduleRhythm_pkey" PRIMARY KEY ("roundId","groupId","teacherKey")
);

-- CreateTable
CREATE TABLE "TalkWish" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "kind" "TalkWishKind" NOT NULL,
    "doubleSlot" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "byId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TalkWish_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RoundBreak_roundId_idx" ON "RoundBreak"("roundId");

-- CreateIndex
CREATE INDEX "TalkWish_schoolId_idx" ON "TalkWish"("schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "TalkWish_roundId_childId_key" ON "TalkWish"("roundId", "childId");

-- AddForeignKey
ALTER TABLE "RoundBreak" ADD CONSTRAINT "RoundBreak_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundBreak" ADD CONSTRAINT "RoundBreak_roundId_schoolId_fkey" FOREIGN KEY ("roundId", "schoolId") REFERENCES "TalkRound"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduleRhythm" ADD CONSTRAINT "ScheduleRhythm_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduleRhythm" ADD CONSTRAINT "ScheduleRhythm_roundId_schoolId_fkey" FOREIGN KEY ("roundId", "schoolId") REFERENCES "TalkRound"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkWish" ADD CONSTRAINT "TalkWish_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkWish" ADD CONSTRAINT "TalkWish_roundId_schoolId_fkey" FOREIGN KEY ("roundId", "schoolId") REFERENCES "TalkRound"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkWish" ADD CONSTRAINT "TalkWish_childId_schoolId_fkey" FOREIGN KEY ("childId", "schoolId") REFERENCES "Child"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

