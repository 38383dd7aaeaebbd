import type { Tx } from '@/lib/db';
import { DEFAULT_CHILD_QUESTIONS } from '@/lib/records/agenda';

// The five-step talk cycle of De Distelvlinder (shared/seeds/000, §4.1): every new school starts
// with these and changes them to its own practice (/directie/cyclus). Weeks are school weeks, 1 being
// the year's first, so the cycle carries over to the next year unchanged; the calendar ones
// ("medio november", "juni") are where they fall in a year starting early September.
export const DEFAULT_STAGES = [
  {
    position: 1,
    key: 'information_evening',
    name: 'Informatieavond',
    period: '2e schoolweek',
    fromWeek: 2,
    toWeek: 2,
    durationMinutes: 45,
    isGroupEvent: true,
    childPresentFromGrade: null,
    mandatoryGrades: [],
    optionalGrades: [1, 2, 3, 4, 5, 6, 7, 8],
    agendaTopics: ['Voorstelronde van de leerkracht', 'Kennismaken met de andere ouders', 'Bijzonderheden dit schooljaar'],
  },
  {
    position: 2,
    key: 'parent_tell',
    name: 'Oudervertelgesprek',
    period: '3e-4e schoolweek',
    fromWeek: 3,
    toWeek: 4,
    durationMinutes: 10,
    isGroupEvent: false,
    parentPreparation: true,
    childPresentFromGrade: null,
    mandatoryGrades: [1, 2, 3, 4, 5, 6, 7, 8],
    optionalGrades: [],
    agendaTopics: [
      'Eigenschappen van het kind',
      'Sociaal-emotioneel, waaronder vriendjes in de klas',
      'Concentratie en motivatie',
      'Thuissituatie (broers/zussen, scheiding, verhuizing, huisdieren)',
      "Hobby's en sport",
      'Gezondheid',
      'Wat ouders al inzetten voor het kind',
      'Acties van vorig jaar om weer op te pakken',
      'Onderwijsbehoeften van het kind',
      'Talenten die ouders kunnen inzetten voor de school',
    ],
  },
  {
    position: 3,
    key: 'well_being',
    name: 'Welbevindengesprek',
    period: 'medio november',
    fromWeek: 12,
    toWeek: 12,
    durationMinutes: 10,
    isGroupEvent: false,
    parentPreparation: true,
    childPresentFromGrade: 5,
    mandatoryGrades: [1, 2, 3, 4, 5, 6, 7, 8],
    optionalGrades: [],
    childQuestions: DEFAULT_CHILD_QUESTIONS,
    agendaTopics: [
      'Huidige situatie: hoe gaat het, gaat het kind graag naar school, wat is leuk en minder leuk, wat leert het kind en is dat makkelijk of moeilijk?',
      'Gewenste situatie: leerdoelen, wat gaat het kind doen, hoe kunnen klas, leerkracht en ouders helpen?',
      'Afspraken: wie doet wat, hoe vertellen we elkaar over de voortgang, welke andere afspraken?',
    ],
  },
  {
    position: 4,
    key: 'report_1',
    name: 'Rapportgesprek 1',
    period: 'februari (2 middagen/avonden)',
    fromWeek: 24,
    toWeek: 25,
    durationMinutes: 10,
    isGroupEvent: false,
    childPresentFromGrade: 5,
    mandatoryGrades: [1, 2, 3, 4, 5, 6, 7, 8],
    optionalGrades: [],
    agendaTopics: ['Resultaten', 'Terugkomen op afspraken en eventueel bijstellen'],
  },
  {
    position: 5,
    key: 'report_2',
    name: 'Rapportgesprek 2',
    period: 'juni',
    fromWeek: 43,
    toWeek: 44,
    durationMinutes: 10,
    isGroupEvent: false,
    childPresentFromGrade: 5,
    mandatoryGrades: [7],
    optionalGrades: [1, 2, 3, 4, 5, 6, 8],
    agendaTopics: ['Terugkomen op afspraken', 'Resultaten', 'Groep 7: voorlopig adviesgesprek', 'Overdracht naar het volgende schooljaar'],
  },
] as const;

export async function createDefaultStages(tx: Tx, schoolId: string) {
  await tx.stageDefinition.createMany({
    data: DEFAULT_STAGES.map((s) => ({ ...s, schoolId, mandatoryGrades: [...s.mandatoryGrades], optionalGrades: [...s.optionalGrades], agendaTopics: [...s.agendaTopics], childQuestions: 'childQuestions' in s ? [...s.childQuestions] : [] })),
    skipDuplicates: true,
  });
}
