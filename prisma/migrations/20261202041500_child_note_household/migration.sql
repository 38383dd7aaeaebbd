-- Separated parents (BW 1:377c): a guardian sees the other household contact details only when the
-- school says so, and an addition by a parent is for their own household unless shared with both.
ALTER TABLE "School" ADD COLUMN "shareGuardianContacts" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "ChildNote" ADD COLUMN "householdId" TEXT,
ADD COLUMN "sharedWithOtherHousehold" BOOLEAN NOT NULL DEFAULT false;

-- Existing additions belong to the household their writer had for the child. They were written before
-- the choice existed, so they stay with that household (the stricter reading).
UPDATE "ChildNote" AS n SET "householdId" = g."householdId"
  FROM "Guardianship" AS g WHERE g."childId" = n."childId" AND g."userId" = n."authorId";
