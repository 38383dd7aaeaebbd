/*
  Warnings:

  - A unique constraint covering the columns `[calendarToken]` on the table `User` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "RoundMode" AS ENUM ('FIRST_COME', 'FAIR');

-- CreateEnum
CREATE TYPE "Attendance" AS ENUM ('EXPECTED', 'HELD', 'NO_SHOW');

-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN     "icsFile" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "calendarToken" TEXT;

-- CreateTable
CREATE TABLE "TalkRound" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mode" "RoundMode" NOT NULL DEFAULT 'FIRST_COME',
    "slotMinutes" INTEGER NOT NULL,
    "gapMinutes" INTEGER NOT NULL DEFAULT 0,
    "walkingMinutes" INTEGER NOT NULL DEFAULT 2,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "separateTalksAllowed" BOOLEAN NOT NULL DEFAULT false,
    "inviteInformationOnly" BOOLEAN NOT NULL DEFAULT false,
    "interpreterDoubleSlot" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TalkRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundBlock" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoundBlock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundGroup" (
    "roundId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "location" TEXT,
    "splitDuo" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "RoundGroup_pkey" PRIMARY KEY ("roundId","groupId")
);

-- CreateTable
CREATE TABLE "Slot" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "teacherKey" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "location" TEXT,
    "blocked" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Slot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Booking" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "householdKey" TEXT NOT NULL DEFAULT 'joint',
    "bookedById" TEXT NOT NULL,
    "note" TEXT,
    "language" TEXT,
    "needsInterpreter" BOOLEAN NOT NULL DEFAULT false,
    "attendance" "Attendance" NOT NULL DEFAULT 'EXPECTED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Booking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlotClaim" (
    "slotId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,

    CONSTRAINT "SlotClaim_pkey" PRIMARY KEY ("slotId")
);

-- CreateTable
CREATE TABLE "GuardianTimeClaim" (
    "userId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "schoolId" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,

    CONSTRAINT "GuardianTimeClaim_pkey" PRIMARY KEY ("userId","startsAt")
);

-- CreateTable
CREATE TABLE "BookingEvent" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "slotStart" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BookingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TalkRound_schoolId_idx" ON "TalkRound"("schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "TalkRound_id_schoolId_key" ON "TalkRound"("id", "schoolId");

-- CreateIndex
CREATE INDEX "RoundBlock_roundId_idx" ON "RoundBlock"("roundId");

-- CreateIndex
CREATE INDEX "Slot_roundId_startsAt_idx" ON "Slot"("roundId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Slot_roundId_groupId_teacherKey_startsAt_key" ON "Slot"("roundId", "groupId", "teacherKey", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Slot_id_schoolId_key" ON "Slot"("id", "schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_roundId_childId_householdKey_key" ON "Booking"("roundId", "childId", "householdKey");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_id_schoolId_key" ON "Booking"("id", "schoolId");

-- CreateIndex
CREATE INDEX "SlotClaim_bookingId_idx" ON "SlotClaim"("bookingId");

-- CreateIndex
CREATE UNIQUE INDEX "SlotClaim_slotId_schoolId_key" ON "SlotClaim"("slotId", "schoolId");

-- CreateIndex
CREATE INDEX "GuardianTimeClaim_bookingId_idx" ON "GuardianTimeClaim"("bookingId");

-- CreateIndex
CREATE INDEX "BookingEvent_roundId_childId_idx" ON "BookingEvent"("roundId", "childId");

-- CreateIndex
CREATE UNIQUE INDEX "User_calendarToken_key" ON "User"("calendarToken");

-- AddForeignKey
ALTER TABLE "TalkRound" ADD CONSTRAINT "TalkRound_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkRound" ADD CONSTRAINT "TalkRound_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "StageDefinition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundBlock" ADD CONSTRAINT "RoundBlock_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "TalkRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundGroup" ADD CONSTRAINT "RoundGroup_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundGroup" ADD CONSTRAINT "RoundGroup_roundId_schoolId_fkey" FOREIGN KEY ("roundId", "schoolId") REFERENCES "TalkRound"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundGroup" ADD CONSTRAINT "RoundGroup_groupId_schoolId_fkey" FOREIGN KEY ("groupId", "schoolId") REFERENCES "Group"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Slot" ADD CONSTRAINT "Slot_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Slot" ADD CONSTRAINT "Slot_roundId_schoolId_fkey" FOREIGN KEY ("roundId", "schoolId") REFERENCES "TalkRound"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Slot" ADD CONSTRAINT "Slot_groupId_schoolId_fkey" FOREIGN KEY ("groupId", "schoolId") REFERENCES "Group"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_roundId_schoolId_fkey" FOREIGN KEY ("roundId", "schoolId") REFERENCES "TalkRound"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_childId_schoolId_fkey" FOREIGN KEY ("childId", "schoolId") REFERENCES "Child"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlotClaim" ADD CONSTRAINT "SlotClaim_slotId_schoolId_fkey" FOREIGN KEY ("slotId", "schoolId") REFERENCES "Slot"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlotClaim" ADD CONSTRAINT "SlotClaim_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlotClaim" ADD CONSTRAINT "SlotClaim_bookingId_schoolId_fkey" FOREIGN KEY ("bookingId", "schoolId") REFERENCES "Booking"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuardianTimeClaim" ADD CONSTRAINT "GuardianTimeClaim_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuardianTimeClaim" ADD CONSTRAINT "GuardianTimeClaim_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuardianTimeClaim" ADD CONSTRAINT "GuardianTimeClaim_bookingId_schoolId_fkey" FOREIGN KEY ("bookingId", "schoolId") REFERENCES "Booking"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookingEvent" ADD CONSTRAINT "BookingEvent_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;
