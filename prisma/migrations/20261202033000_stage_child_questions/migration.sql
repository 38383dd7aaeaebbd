-- The child's own preparation questions become part of the stage, so each school words them itself.
ALTER TABLE "StageDefinition" ADD COLUMN "childQuestions" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Stages where the child prepared until now keep the questions it was asked (messages/nl.json, prepare.child).
UPDATE "StageDefinition" SET "childQuestions" = ARRAY[
  'Hoe gaat het met je?',
  'Ga je graag naar school? Waarom wel of niet?',
  'Wat vind je leuk en wat minder leuk op school?',
  'Wat ben je aan het leren? Vind je dat makkelijk of moeilijk?',
  'Wat wil je de komende tijd leren?',
  'Wat ga je zelf doen om dat te leren?',
  'Hoe kunnen de klas, je juf of meester en je ouders je helpen?'
] WHERE "parentPreparation" AND "childPresentFromGrade" IS NOT NULL;
