-- CreateEnum
CREATE TYPE "SurveyAudience" AS ENUM ('GUARDIANS', 'TEAM');

-- CreateEnum
CREATE TYPE "QuestionType" AS ENUM ('LIKERT', 'YES_NO', 'SINGLE', 'MULTI', 'OPEN');

-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "templateKey" TEXT,
    "title" TEXT NOT NULL,
    "intro" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT true,
    "audiences" "SurveyAudience"[],
    "groupIds" TEXT[],
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" "QuestionType" NOT NULL,
    "text" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "options" TEXT[],

    CONSTRAINT "SurveyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyInvitation" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "audience" "SurveyAudience" NOT NULL,
    "groupIds" TEXT[],
    "draft" JSONB,
    "submittedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),

    CONSTRAINT "SurveyInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "audience" "SurveyAudience" NOT NULL,
    "groupIds" TEXT[],
    "invitationId" TEXT,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "responseId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "likert" INTEGER,
    "yes" BOOLEAN,
    "choices" TEXT[],
    "text" TEXT,

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("responseId","questionId")
);

-- CreateIndex
CREATE INDEX "Survey_schoolId_idx" ON "Survey"("schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_id_schoolId_key" ON "Survey"("id", "schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyQuestion_surveyId_position_key" ON "SurveyQuestion"("surveyId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_surveyId_userId_audience_key" ON "SurveyInvitation"("surveyId", "userId", "audience");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_invitationId_key" ON "SurveyResponse"("invitationId");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_audience_idx" ON "SurveyResponse"("surveyId", "audience");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_id_schoolId_key" ON "SurveyResponse"("id", "schoolId");

-- CreateIndex
CREATE INDEX "SurveyAnswer_questionId_idx" ON "SurveyAnswer"("questionId");

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_surveyId_schoolId_fkey" FOREIGN KEY ("surveyId", "schoolId") REFERENCES "Survey"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyInvitation" ADD CONSTRAINT "SurveyInvitation_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyInvitation" ADD CONSTRAINT "SurveyInvitation_surveyId_schoolId_fkey" FOREIGN KEY ("surveyId", "schoolId") REFERENCES "Survey"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_surveyId_schoolId_fkey" FOREIGN KEY ("surveyId", "schoolId") REFERENCES "Survey"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_responseId_schoolId_fkey" FOREIGN KEY ("responseId", "schoolId") REFERENCES "SurveyResponse"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;
