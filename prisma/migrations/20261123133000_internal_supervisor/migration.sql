-- Intern begeleider (internal supervisor) as a capability of a staff membership.
ALTER TABLE "Membership" ADD COLUMN "careCoordinator" BOOLEAN NOT NULL DEFAULT false;

-- Parents share additions with teacher, director and/or internal supervisor, existing values keep their meaning.
CREATE TYPE "NoteAudience" AS ENUM ('TEACHER', 'DIRECTOR', 'SUPERVISOR');
ALTER TABLE "ChildNote" ALTER COLUMN "visibleTo" TYPE "NoteAudience"[] USING "visibleTo"::text[]::"NoteAudience"[];
