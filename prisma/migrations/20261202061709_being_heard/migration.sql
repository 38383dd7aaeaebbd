-- CreateEnum
CREATE TYPE "ThreadKind" AS ENUM ('QUESTION', 'COMPLAINT');

-- CreateEnum
CREATE TYPE "ThreadInbox" AS ENUM ('GROUP', 'DIRECTOR');

-- CreateEnum
CREATE TYPE "ComplaintStep" AS ENUM ('TEACHER', 'DIRECTOR', 'FORMAL');

-- CreateEnum
CREATE TYPE "AbsenceReason" AS ENUM ('SICK', 'DOCTOR', 'FAMILY', 'OTHER');

-- CreateEnum
CREATE TYPE "DayPart" AS ENUM ('WHOLE_DAY', 'MORNING', 'AFTERNOON');

-- CreateEnum
CREATE TYPE "LeaveReason" AS ENUM ('SPECIAL_CIRCUMSTANCES', 'HOLIDAY_WORK', 'RELIGIOUS', 'OTHER');

-- CreateEnum
CREATE TYPE "LeaveStatus" AS ENUM ('PENDING', 'GRANTED', 'REFUSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "HomeChangeKind" AS ENUM ('ADDRESS', 'PHONE', 'HOME_SITUATION');

-- CreateEnum
CREATE TYPE "AnnouncementKind" AS ENUM ('NEWSLETTER', 'NOTICE');

-- CreateEnum
CREATE TYPE "NotifyKind" AS ENUM ('ANNOUNCEMENT', 'MESSAGE');

-- CreateEnum
CREATE TYPE "NotifyMode" AS ENUM ('IMMEDIATE', 'DIGEST');

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "complaintProcedureUrl" TEXT,
ADD COLUMN     "counsellorContact" TEXT,
ADD COLUMN     "counsellorName" TEXT;

-- CreateTable
CREATE TABLE "Thread" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "kind" "ThreadKind" NOT NULL DEFAULT 'QUESTION',
    "inbox" "ThreadInbox" NOT NULL,
    "groupId" TEXT,
    "childId" TEXT,
    "subject" TEXT NOT NULL,
    "startedById" TEXT NOT NULL,
    "assigneeId" TEXT,
    "replyDueAt" TIMESTAMP(3),
    "lastMessageAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "complaintStep" "ComplaintStep",
    "concernsUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Thread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThreadHousehold" (
    "schoolId" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,

    CONSTRAINT "ThreadHousehold_pkey" PRIMARY KEY ("threadId","householdId")
);

-- CreateTable
CREATE TABLE "ThreadMessage" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorRole" "Role" NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThreadMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThreadRead" (
    "schoolId" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ThreadRead_pkey" PRIMARY KEY ("threadId","userId")
);

-- CreateTable
CREATE TABLE "ReplyPromise" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "groupId" TEXT,
    "askedAt" TIMESTAMP(3) NOT NULL,
    "countsFrom" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,

    CONSTRAINT "ReplyPromise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkingHours" (
    "schoolId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,

    CONSTRAINT "WorkingHours_pkey" PRIMARY KEY ("schoolId","userId","weekday")
);

-- CreateTable
CREATE TABLE "Absence" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "reportedById" TEXT NOT NULL,
    "reason" "AbsenceReason" NOT NULL,
    "note" TEXT,
    "fromDate" DATE NOT NULL,
    "dayPart" "DayPart" NOT NULL DEFAULT 'WHOLE_DAY',
    "expectedBack" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "openChildId" TEXT,

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaveRequest" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "reason" "LeaveReason" NOT NULL,
    "explanation" TEXT NOT NULL,
    "status" "LeaveStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaveRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaveRequestChild" (
    "schoolId" TEXT NOT NULL,
    "leaveRequestId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,

    CONSTRAINT "LeaveRequestChild_pkey" PRIMARY KEY ("leaveRequestId","childId")
);

-- CreateTable
CREATE TABLE "HomeChange" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "reportedById" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "childId" TEXT,
    "kind" "HomeChangeKind" NOT NULL,
    "text" TEXT NOT NULL,
    "addToFile" BOOLEAN NOT NULL DEFAULT false,
    "handledAt" TIMESTAMP(3),
    "handledById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HomeChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Announcement" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "kind" "AnnouncementKind" NOT NULL DEFAULT 'NOTICE',
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "confirmRead" BOOLEAN NOT NULL DEFAULT false,
    "wholeSchool" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "remindedAt" TIMESTAMP(3),

    CONSTRAINT "Announcement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnouncementGroup" (
    "schoolId" TEXT NOT NULL,
    "announcementId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,

    CONSTRAINT "AnnouncementGroup_pkey" PRIMARY KEY ("announcementId","groupId")
);

-- CreateTable
CREATE TABLE "AnnouncementAttachment" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "announcementId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnouncementAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnouncementRead" (
    "schoolId" TEXT NOT NULL,
    "announcementId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),

    CONSTRAINT "AnnouncementRead_pkey" PRIMARY KEY ("announcementId","userId")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "schoolId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotifyKind" NOT NULL,
    "mode" "NotifyMode" NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("schoolId","userId","kind")
);

-- CreateTable
CREATE TABLE "DigestItem" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotifyKind" NOT NULL,
    "title" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "DigestItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Thread_schoolId_inbox_replyDueAt_idx" ON "Thread"("schoolId", "inbox", "replyDueAt");

-- CreateIndex
CREATE INDEX "Thread_schoolId_groupId_lastMessageAt_idx" ON "Thread"("schoolId", "groupId", "lastMessageAt");

-- CreateIndex
CREATE INDEX "Thread_assigneeId_idx" ON "Thread"("assigneeId");

-- CreateIndex
CREATE UNIQUE INDEX "Thread_id_schoolId_key" ON "Thread"("id", "schoolId");

-- CreateIndex
CREATE INDEX "ThreadHousehold_householdId_idx" ON "ThreadHousehold"("householdId");

-- CreateIndex
CREATE INDEX "ThreadMessage_threadId_createdAt_idx" ON "ThreadMessage"("threadId", "createdAt");

-- CreateIndex
CREATE INDEX "ReplyPromise_schoolId_askedAt_idx" ON "ReplyPromise"("schoolId", "askedAt");

-- CreateIndex
CREATE INDEX "ReplyPromise_schoolId_answeredAt_dueAt_idx" ON "ReplyPromise"("schoolId", "answeredAt", "dueAt");

-- CreateIndex
CREATE INDEX "ReplyPromise_threadId_idx" ON "ReplyPromise"("threadId");

-- CreateIndex
CREATE UNIQUE INDEX "Absence_openChildId_key" ON "Absence"("openChildId");

-- CreateIndex
CREATE INDEX "Absence_schoolId_fromDate_idx" ON "Absence"("schoolId", "fromDate");

-- CreateIndex
CREATE INDEX "Absence_childId_createdAt_idx" ON "Absence"("childId", "createdAt");

-- CreateIndex
CREATE INDEX "LeaveRequest_schoolId_status_createdAt_idx" ON "LeaveRequest"("schoolId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "LeaveRequest_householdId_idx" ON "LeaveRequest"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "LeaveRequest_id_schoolId_key" ON "LeaveRequest"("id", "schoolId");

-- CreateIndex
CREATE INDEX "LeaveRequestChild_childId_idx" ON "LeaveRequestChild"("childId");

-- CreateIndex
CREATE INDEX "HomeChange_schoolId_handledAt_createdAt_idx" ON "HomeChange"("schoolId", "handledAt", "createdAt");

-- CreateIndex
CREATE INDEX "Announcement_schoolId_publishedAt_idx" ON "Announcement"("schoolId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Announcement_id_schoolId_key" ON "Announcement"("id", "schoolId");

-- CreateIndex
CREATE INDEX "AnnouncementGroup_groupId_idx" ON "AnnouncementGroup"("groupId");

-- CreateIndex
CREATE INDEX "AnnouncementAttachment_announcementId_idx" ON "AnnouncementAttachment"("announcementId");

-- CreateIndex
CREATE INDEX "DigestItem_schoolId_sentAt_userId_idx" ON "DigestItem"("schoolId", "sentAt", "userId");

-- AddForeignKey
ALTER TABLE "Thread" ADD CONSTRAINT "Thread_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Thread" ADD CONSTRAINT "Thread_groupId_schoolId_fkey" FOREIGN KEY ("groupId", "schoolId") REFERENCES "Group"("id", "schoolId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Thread" ADD CONSTRAINT "Thread_childId_schoolId_fkey" FOREIGN KEY ("childId", "schoolId") REFERENCES "Child"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Thread" ADD CONSTRAINT "Thread_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Thread" ADD CONSTRAINT "Thread_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadHousehold" ADD CONSTRAINT "ThreadHousehold_threadId_schoolId_fkey" FOREIGN KEY ("threadId", "schoolId") REFERENCES "Thread"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadHousehold" ADD CONSTRAINT "ThreadHousehold_householdId_schoolId_fkey" FOREIGN KEY ("householdId", "schoolId") REFERENCES "Household"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_threadId_schoolId_fkey" FOREIGN KEY ("threadId", "schoolId") REFERENCES "Thread"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadRead" ADD CONSTRAINT "ThreadRead_threadId_schoolId_fkey" FOREIGN KEY ("threadId", "schoolId") REFERENCES "Thread"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplyPromise" ADD CONSTRAINT "ReplyPromise_threadId_schoolId_fkey" FOREIGN KEY ("threadId", "schoolId") REFERENCES "Thread"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingHours" ADD CONSTRAINT "WorkingHours_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingHours" ADD CONSTRAINT "WorkingHours_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_childId_schoolId_fkey" FOREIGN KEY ("childId", "schoolId") REFERENCES "Child"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_householdId_schoolId_fkey" FOREIGN KEY ("householdId", "schoolId") REFERENCES "Household"("id", "schoolId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveRequestChild" ADD CONSTRAINT "LeaveRequestChild_leaveRequestId_schoolId_fkey" FOREIGN KEY ("leaveRequestId", "schoolId") REFERENCES "LeaveRequest"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveRequestChild" ADD CONSTRAINT "LeaveRequestChild_childId_schoolId_fkey" FOREIGN KEY ("childId", "schoolId") REFERENCES "Child"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeChange" ADD CONSTRAINT "HomeChange_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeChange" ADD CONSTRAINT "HomeChange_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeChange" ADD CONSTRAINT "HomeChange_householdId_schoolId_fkey" FOREIGN KEY ("householdId", "schoolId") REFERENCES "Household"("id", "schoolId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeChange" ADD CONSTRAINT "HomeChange_childId_schoolId_fkey" FOREIGN KEY ("childId", "schoolId") REFERENCES "Child"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncementGroup" ADD CONSTRAINT "AnnouncementGroup_announcementId_schoolId_fkey" FOREIGN KEY ("announcementId", "schoolId") REFERENCES "Announcement"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncementGroup" ADD CONSTRAINT "AnnouncementGroup_groupId_schoolId_fkey" FOREIGN KEY ("groupId", "schoolId") REFERENCES "Group"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncementAttachment" ADD CONSTRAINT "AnnouncementAttachment_announcementId_schoolId_fkey" FOREIGN KEY ("announcementId", "schoolId") REFERENCES "Announcement"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncementRead" ADD CONSTRAINT "AnnouncementRead_announcementId_schoolId_fkey" FOREIGN KEY ("announcementId", "schoolId") REFERENCES "Announcement"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestItem" ADD CONSTRAINT "DigestItem_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;
