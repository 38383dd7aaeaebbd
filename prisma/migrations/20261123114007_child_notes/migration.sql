-- CreateTable
CREATE TABLE "ChildNote" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "visibleTo" "Role"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChildNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChildNote_childId_idx" ON "ChildNote"("childId");

-- AddForeignKey
ALTER TABLE "ChildNote" ADD CONSTRAINT "ChildNote_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildNote" ADD CONSTRAINT "ChildNote_childId_schoolId_fkey" FOREIGN KEY ("childId", "schoolId") REFERENCES "Child"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;
