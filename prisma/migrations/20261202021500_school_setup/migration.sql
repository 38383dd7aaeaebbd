-- CreateEnum
CREATE TYPE "HolidayRegion" AS ENUM ('noord', 'midden', 'zuid');

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "brin" TEXT,
ADD COLUMN     "holidayRegion" "HolidayRegion";

-- CreateTable
CREATE TABLE "SetupToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SetupToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "School_brin_key" ON "School"("brin");

-- CreateIndex
CREATE UNIQUE INDEX "SetupToken_tokenHash_key" ON "SetupToken"("tokenHash");
