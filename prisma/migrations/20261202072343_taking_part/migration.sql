-- CreateEnum
CREATE TYPE "HelpKind" AS ENUM ('DRIVING', 'SUPERVISING', 'CREATIVE', 'CELEBRATIONS', 'READING', 'TECHNICAL', 'LANGUAGE', 'OTHER');

-- CreateEnum
CREATE TYPE "ActivityAllocation" AS ENUM ('FIRST_COME', 'FAIR');

-- CreateEnum
CREATE TYPE "ActivityRoleKind" AS ENUM ('DRIVER', 'SUPERVISOR', 'HELPER');

-- CreateEnum
CREATE TYPE "SignupStatus" AS ENUM ('PLACED', 'WAITING', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('THEME_EVENING', 'PRESENTATION', 'COUNCIL_OPEN', 'OTHER');

-- CreateEnum
CREATE TYPE "RsvpAnswer" AS ENUM ('YES', 'NO', 'MAYBE');

-- CreateTable
CREATE TABLE "GuardianTalent" (
    "schoolId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "helpWith" "HelpKind"[],
    "talents" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GuardianTalent_pkey" PRIMARY KEY ("schoolId","userId")
);

-- CreateTable
CREATE TABLE "ClassParent" (
    "schoolId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "ClassParent_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "groupId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "signupDeadline" TIMESTAMP(3) NOT NULL,
    "allocation" "ActivityAllocation" NOT NULL DEFAULT 'FIRST_COME',
    "allocatedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityRole" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "kind" "ActivityRoleKind" NOT NULL,
    "label" TEXT NOT NULL,
    "places" INTEGER NOT NULL,

    CONSTRAINT "ActivityRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivitySignup" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "seats" INTEGER,
    "status" "SignupStatus" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "placedAt" TIMESTAMP(3),

    CONSTRAINT "ActivitySignup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityPlace" (
    "schoolId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "place" INTEGER NOT NULL,
    "signupId" TEXT NOT NULL,

    CONSTRAINT "ActivityPlace_pkey" PRIMARY KEY ("roleId","place")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "location" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "wholeSchool" BOOLEAN NOT NULL DEFAULT false,
    "targetPercent" INTEGER NOT NULL DEFAULT 80,
    "remindedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingGroup" (
    "schoolId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,

    CONSTRAINT "MeetingGroup_pkey" PRIMARY KEY ("meetingId","groupId")
);

-- CreateTable
CREATE TABLE "MeetingRsvp" (
    "schoolId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "answer" "RsvpAnswer" NOT NULL,
    "people" INTEGER NOT NULL DEFAULT 1,
    "answeredById" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingRsvp_pkey" PRIMARY KEY ("meetingId","householdId")
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "schoolId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "present" BOOLEAN NOT NULL,
    "markedById" TEXT NOT NULL,
    "markedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingAttendance_pkey" PRIMARY KEY ("meetingId","householdId")
);

-- CreateIndex
CREATE INDEX "ClassParent_schoolId_idx" ON "ClassParent"("schoolId");

-- CreateIndex
CREATE INDEX "Activity_schoolId_startsAt_idx" ON "Activity"("schoolId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Activity_id_schoolId_key" ON "Activity"("id", "schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityRole_id_schoolId_key" ON "ActivityRole"("id", "schoolId");

-- CreateIndex
CREATE INDEX "ActivitySignup_activityId_idx" ON "ActivitySignup"("activityId");

-- CreateIndex
CREATE INDEX "ActivitySignup_householdId_idx" ON "ActivitySignup"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivitySignup_roleId_userId_key" ON "ActivitySignup"("roleId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivitySignup_id_schoolId_key" ON "ActivitySignup"("id", "schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityPlace_signupId_key" ON "ActivityPlace"("signupId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityPlace_signupId_schoolId_key" ON "ActivityPlace"("signupId", "schoolId");

-- CreateIndex
CREATE INDEX "Meeting_schoolId_startsAt_idx" ON "Meeting"("schoolId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_id_schoolId_key" ON "Meeting"("id", "schoolId");

-- CreateIndex
CREATE INDEX "MeetingGroup_groupId_idx" ON "MeetingGroup"("groupId");

-- AddForeignKey
ALTER TABLE "GuardianTalent" ADD CONSTRAINT "GuardianTalent_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuardianTalent" ADD CONSTRAINT "GuardianTalent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassParent" ADD CONSTRAINT "ClassParent_groupId_schoolId_fkey" FOREIGN KEY ("groupId", "schoolId") REFERENCES "Group"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassParent" ADD CONSTRAINT "ClassParent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_groupId_schoolId_fkey" FOREIGN KEY ("groupId", "schoolId") REFERENCES "Group"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityRole" ADD CONSTRAINT "ActivityRole_activityId_schoolId_fkey" FOREIGN KEY ("activityId", "schoolId") REFERENCES "Activity"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivitySignup" ADD CONSTRAINT "ActivitySignup_activityId_schoolId_fkey" FOREIGN KEY ("activityId", "schoolId") REFERENCES "Activity"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivitySignup" ADD CONSTRAINT "ActivitySignup_roleId_schoolId_fkey" FOREIGN KEY ("roleId", "schoolId") REFERENCES "ActivityRole"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivitySignup" ADD CONSTRAINT "ActivitySignup_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityPlace" ADD CONSTRAINT "ActivityPlace_roleId_schoolId_fkey" FOREIGN KEY ("roleId", "schoolId") REFERENCES "ActivityRole"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityPlace" ADD CONSTRAINT "ActivityPlace_signupId_schoolId_fkey" FOREIGN KEY ("signupId", "schoolId") REFERENCES "ActivitySignup"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingGroup" ADD CONSTRAINT "MeetingGroup_meetingId_schoolId_fkey" FOREIGN KEY ("meetingId", "schoolId") REFERENCES "Meeting"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingGroup" ADD CONSTRAINT "MeetingGroup_groupId_schoolId_fkey" FOREIGN KEY ("groupId", "schoolId") REFERENCES "Group"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRsvp" ADD CONSTRAINT "MeetingRsvp_meetingId_schoolId_fkey" FOREIGN KEY ("meetingId", "schoolId") REFERENCES "Meeting"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRsvp" ADD CONSTRAINT "MeetingRsvp_householdId_schoolId_fkey" FOREIGN KEY ("householdId", "schoolId") REFERENCES "Household"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_meetingId_schoolId_fkey" FOREIGN KEY ("meetingId", "schoolId") REFERENCES "Meeting"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_householdId_schoolId_fkey" FOREIGN KEY ("householdId", "schoolId") REFERENCES "Household"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;
