-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN     "userAgent" TEXT;
