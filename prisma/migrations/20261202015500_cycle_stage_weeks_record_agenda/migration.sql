-- AlterTable
ALTER TABLE "StageDefinition" ADD COLUMN     "fromWeek" INTEGER,
ADD COLUMN     "toWeek" INTEGER;

-- AlterTable
ALTER TABLE "TalkRecord" ADD COLUMN     "agendaTopics" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Records made before the snapshot existed keep the agenda their stage has today, the closest we know.
UPDATE "TalkRecord" r SET "agendaTopics" = s."agendaTopics"
FROM "StageDefinition" s
WHERE s."schoolId" = r."schoolId" AND s."key" = r."stageKey";

-- The default stages get the school weeks their period text names.
UPDATE "StageDefinition" SET "fromWeek" = 2, "toWeek" = 2 WHERE "key" = 'information_evening' AND "fromWeek" IS NULL;
UPDATE "StageDefinition" SET "fromWeek" = 3, "toWeek" = 4 WHERE "key" = 'parent_tell' AND "fromWeek" IS NULL;
UPDATE "StageDefinition" SET "fromWeek" = 12, "toWeek" = 12 WHERE "key" = 'well_being' AND "fromWeek" IS NULL;
UPDATE "StageDefinition" SET "fromWeek" = 24, "toWeek" = 25 WHERE "key" = 'report_1' AND "fromWeek" IS NULL;
UPDATE "StageDefinition" SET "fromWeek" = 43, "toWeek" = 44 WHERE "key" = 'report_2' AND "fromWeek" IS NULL;
