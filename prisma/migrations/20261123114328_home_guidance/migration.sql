-- CreateTable
CREATE TABLE "HomeGuidancePlan" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "parentTask" TEXT NOT NULL,
    "how" TEXT NOT NULL,
    "howOften" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "evaluateOn" DATE NOT NULL,
    "helped" BOOLEAN,
    "decision" TEXT,
    "evaluationNote" TEXT,
    "evaluatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HomeGuidancePlan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HomeGuidancePlan_childId_idx" ON "HomeGuidancePlan"("childId");

-- AddForeignKey
ALTER TABLE "HomeGuidancePlan" ADD CONSTRAINT "HomeGuidancePlan_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeGuidancePlan" ADD CONSTRAINT "HomeGuidancePlan_childId_schoolId_fkey" FOREIGN KEY ("childId", "schoolId") REFERENCES "Child"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;
