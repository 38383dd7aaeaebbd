-- AlterEnum
ALTER TYPE "GuardianshipEndReason" ADD VALUE 'IMPORT_SYNC';
