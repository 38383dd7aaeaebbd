-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN     "params" JSONB,
ADD COLUMN     "template" TEXT;
