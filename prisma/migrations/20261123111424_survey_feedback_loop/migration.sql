-- AlterTable
ALTER TABLE "Survey" ADD COLUMN     "summary" TEXT,
ADD COLUMN     "summaryPublishedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SurveyAction" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "questionId" TEXT,
    "heard" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "evalGoal" TEXT,
    "evalResults" TEXT,
    "evalBottlenecks" TEXT,
    "evalNextSteps" TEXT,
    "evaluatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyAction_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "SurveyAction" ADD CONSTRAINT "SurveyAction_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAction" ADD CONSTRAINT "SurveyAction_surveyId_schoolId_fkey" FOREIGN KEY ("surveyId", "schoolId") REFERENCES "Survey"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;
