-- AlterTable
ALTER TABLE "School" ADD COLUMN     "retentionMonths" INTEGER NOT NULL DEFAULT 24;

-- AlterTable
ALTER TABLE "StageDefinition" ADD COLUMN     "parentPreparation" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "TalkPreparation" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "childAnswers" JSONB NOT NULL,
    "updatedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TalkPreparation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArrangedMoment" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "teacherId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "location" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArrangedMoment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChildDeletion" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "pupilNumber" TEXT NOT NULL,
    "leftAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "counts" JSONB NOT NULL,

    CONSTRAINT "ChildDeletion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TalkPreparation_childId_idx" ON "TalkPreparation"("childId");

-- CreateIndex
CREATE UNIQUE INDEX "TalkPreparation_roundId_childId_householdId_key" ON "TalkPreparation"("roundId", "childId", "householdId");

-- CreateIndex
CREATE INDEX "ArrangedMoment_childId_idx" ON "ArrangedMoment"("childId");

-- CreateIndex
CREATE INDEX "ArrangedMoment_teacherId_startsAt_idx" ON "ArrangedMoment"("teacherId", "startsAt");

-- CreateIndex
CREATE INDEX "ChildDeletion_schoolId_deletedAt_idx" ON "ChildDeletion"("schoolId", "deletedAt");

-- AddForeignKey
ALTER TABLE "TalkPreparation" ADD CONSTRAINT "TalkPreparation_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkPreparation" ADD CONSTRAINT "TalkPreparation_roundId_schoolId_fkey" FOREIGN KEY ("roundId", "schoolId") REFERENCES "TalkRound"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkPreparation" ADD CONSTRAINT "TalkPreparation_childId_schoolId_fkey" FOREIGN KEY ("childId", "schoolId") REFERENCES "Child"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrangedMoment" ADD CONSTRAINT "ArrangedMoment_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrangedMoment" ADD CONSTRAINT "ArrangedMoment_childId_schoolId_fkey" FOREIGN KEY ("childId", "schoolId") REFERENCES "Child"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildDeletion" ADD CONSTRAINT "ChildDeletion_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The default cycle's parent-tell and well-being talks are prepared by parents (000 §4.1).
UPDATE "StageDefinition" SET "parentPreparation" = true WHERE key IN ('parent_tell', 'well_being');
