-- CreateTable
CREATE TABLE "CharterVersion" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "intro" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CharterVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CharterSection" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "parentsMayExpect" TEXT[],
    "schoolMayExpect" TEXT[],

    CONSTRAINT "CharterSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CharterAcknowledgement" (
    "versionId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "acknowledgedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CharterAcknowledgement_pkey" PRIMARY KEY ("versionId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "CharterVersion_schoolId_number_key" ON "CharterVersion"("schoolId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "CharterVersion_id_schoolId_key" ON "CharterVersion"("id", "schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "CharterSection_versionId_position_key" ON "CharterSection"("versionId", "position");

-- CreateIndex
CREATE INDEX "CharterAcknowledgement_userId_idx" ON "CharterAcknowledgement"("userId");

-- AddForeignKey
ALTER TABLE "CharterVersion" ADD CONSTRAINT "CharterVersion_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharterSection" ADD CONSTRAINT "CharterSection_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharterSection" ADD CONSTRAINT "CharterSection_versionId_schoolId_fkey" FOREIGN KEY ("versionId", "schoolId") REFERENCES "CharterVersion"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharterAcknowledgement" ADD CONSTRAINT "CharterAcknowledgement_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharterAcknowledgement" ADD CONSTRAINT "CharterAcknowledgement_versionId_schoolId_fkey" FOREIGN KEY ("versionId", "schoolId") REFERENCES "CharterVersion"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;
