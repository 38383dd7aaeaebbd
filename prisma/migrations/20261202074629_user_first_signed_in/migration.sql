-- AlterTable
ALTER TABLE "User" ADD COLUMN     "firstSignedInAt" TIMESTAMP(3);

-- From what is still there: the earliest session kept and the earliest sign-in link used.
UPDATE "User" u SET "firstSignedInAt" = x.at
FROM (
  SELECT "userId", min(at) AS at FROM (
    SELECT "userId", "createdAt" AS at FROM "UserSession"
    UNION ALL SELECT "userId", "usedAt" FROM "LoginToken" WHERE "usedAt" IS NOT NULL
  ) s GROUP BY "userId"
) x
WHERE x."userId" = u.id;
