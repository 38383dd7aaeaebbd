-- CreateTable
CREATE TABLE "SurveyPendingResponse" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "audience" "SurveyAudience" NOT NULL,
    "groupIds" TEXT[],
    "answers" JSONB NOT NULL,

    CONSTRAINT "SurveyPendingResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SurveyPendingResponse_surveyId_idx" ON "SurveyPendingResponse"("surveyId");

-- AddForeignKey
ALTER TABLE "SurveyPendingResponse" ADD CONSTRAINT "SurveyPendingResponse_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyPendingResponse" ADD CONSTRAINT "SurveyPendingResponse_surveyId_schoolId_fkey" FOREIGN KEY ("surveyId", "schoolId") REFERENCES "Survey"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;
