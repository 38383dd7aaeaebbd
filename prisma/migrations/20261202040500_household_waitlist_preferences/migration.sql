-- Waiting-list places and fair-round preferences belong to a household: separated parents each have
-- their own, and neither household can overwrite or remove what the other made. Existing rows go to the
-- household of the guardian who made them, and a row whose guardian no longer has the child is dropped.

ALTER TABLE "WaitlistEntry" ADD COLUMN "householdId" TEXT;
UPDATE "WaitlistEntry" w SET "householdId" = g."householdId"
  FROM "Guardianship" g WHERE g."childId" = w."childId" AND g."userId" = w."userId";
DELETE FROM "WaitlistEntry" WHERE "householdId" IS NULL;
ALTER TABLE "WaitlistEntry" ALTER COLUMN "householdId" SET NOT NULL;
DROP INDEX "WaitlistEntry_roundId_childId_key";
CREATE UNIQUE INDEX "WaitlistEntry_roundId_childId_householdId_key" ON "WaitlistEntry"("roundId", "childId", "householdId");
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_householdId_schoolId_fkey"
  FOREIGN KEY ("householdId", "schoolId") REFERENCES "Household"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "RoundPreference" ADD COLUMN "householdId" TEXT;
UPDATE "RoundPreference" p SET "householdId" = g."householdId"
  FROM "Guardianship" g WHERE g."childId" = p."childId" AND g."userId" = p."userId";
DELETE FROM "RoundPreference" WHERE "householdId" IS NULL;
ALTER TABLE "RoundPreference" ALTER COLUMN "householdId" SET NOT NULL;
DROP INDEX "RoundPreference_roundId_childId_key";
CREATE UNIQUE INDEX "RoundPreference_roundId_childId_householdId_key" ON "RoundPreference"("roundId", "childId", "householdId");
ALTER TABLE "RoundPreference" ADD CONSTRAINT "RoundPreference_householdId_schoolId_fkey"
  FOREIGN KEY ("householdId", "schoolId") REFERENCES "Household"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;
