-- CreateEnum
CREATE TYPE "AgreementOwner" AS ENUM ('CHILD', 'PARENT', 'TEACHER', 'SCHOOL');

-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('OPEN', 'ACHIEVED', 'ADJUSTED', 'DROPPED');

-- CreateTable
CREATE TABLE "TalkRecord" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "stageKey" TEXT,
    "title" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "notes" JSONB NOT NULL,
    "authorId" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "parentConfirmedAt" TIMESTAMP(3),
    "parentResponse" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TalkRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "owner" "AgreementOwner" NOT NULL,
    "what" TEXT NOT NULL,
    "dueOn" DATE,
    "sharing" TEXT,
    "status" "AgreementStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementEvent" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "AgreementStatus",
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreementEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FileAudit" (
    "id" BIGSERIAL NOT NULL,
    "schoolId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FileAudit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TalkRecord_childId_idx" ON "TalkRecord"("childId");

-- CreateIndex
CREATE UNIQUE INDEX "TalkRecord_id_schoolId_key" ON "TalkRecord"("id", "schoolId");

-- CreateIndex
CREATE INDEX "Agreement_childId_status_idx" ON "Agreement"("childId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_id_schoolId_key" ON "Agreement"("id", "schoolId");

-- CreateIndex
CREATE INDEX "AgreementEvent_agreementId_idx" ON "AgreementEvent"("agreementId");

-- CreateIndex
CREATE INDEX "FileAudit_schoolId_childId_createdAt_idx" ON "FileAudit"("schoolId", "childId", "createdAt");

-- AddForeignKey
ALTER TABLE "TalkRecord" ADD CONSTRAINT "TalkRecord_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkRecord" ADD CONSTRAINT "TalkRecord_childId_schoolId_fkey" FOREIGN KEY ("childId", "schoolId") REFERENCES "Child"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_recordId_schoolId_fkey" FOREIGN KEY ("recordId", "schoolId") REFERENCES "TalkRecord"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementEvent" ADD CONSTRAINT "AgreementEvent_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementEvent" ADD CONSTRAINT "AgreementEvent_agreementId_schoolId_fkey" FOREIGN KEY ("agreementId", "schoolId") REFERENCES "Agreement"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FileAudit" ADD CONSTRAINT "FileAudit_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;
