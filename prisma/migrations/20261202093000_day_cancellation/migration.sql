-- CreateTable
CREATE TABLE "DayCancellation" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "teacherId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "talks" INTEGER NOT NULL,
    "families" INTEGER NOT NULL,
    "waitlisted" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DayCancellation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DayCancellation_schoolId_day_idx" ON "DayCancellation"("schoolId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "DayCancellation_roundId_groupId_teacherId_day_key" ON "DayCancellation"("roundId", "groupId", "teacherId", "day");

-- AddForeignKey
ALTER TABLE "DayCancellation" ADD CONSTRAINT "DayCancellation_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DayCancellation" ADD CONSTRAINT "DayCancellation_roundId_schoolId_fkey" FOREIGN KEY ("roundId", "schoolId") REFERENCES "TalkRound"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;
