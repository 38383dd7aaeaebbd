// Survey templates for the demo school, written from the school policy documents
// (beleid ouderbetrokkenheid, vragenlijst relatiegerichte school, schoolscan Ouderbetrokkenheid 3.0).
// Plain data only: no imports, no runtime logic.

export type TemplateQuestion =
  | { type: 'LIKERT'; text: string; required: boolean }
  | { type: 'YES_NO'; text: string; required: boolean }
  | { type: 'SINGLE'; text: string; required: boolean; options: string[] }
  | { type: 'MULTI'; text: string; required: boolean; options: string[] }
  | { type: 'OPEN'; text: string; required: boolean };

export type SurveyTemplate = {
  key: 'satisfaction' | 'schoolscan' | 'school_kind';
  title: string;
  intro: string; // 1–2 plain Dutch sentences for respondents
  audiences: ('GUARDIANS' | 'TEAM')[]; // schoolscan: both; others: GUARDIANS
  anonymous: boolean; // satisfaction + schoolscan: true; school_kind: true
  sections: { title: string; questions: TemplateQuestion[] }[];
};

export const SURVEY_TEMPLATES: SurveyTemplate[] = [
  // 1. Tweejaarlijkse oudertevredenheidspeiling (beleid ouderbetrokkenheid, §2–§7).
  {
    key: 'satisfaction',
    title: "Oudertevredenheidspeiling",
    intro:
      "Eens in de twee jaar vragen we alle ouders wat zij van onze school vinden. We delen de uitkomsten met u en maken er samen acties van.",
    audiences: ['GUARDIANS'],
    anonymous: true,
    sections: [
      {
        title: "Welkom op school",
        questions: [
          { type: 'LIKERT', text: "Ik voel me welkom op school.", required: true },
          { type: 'LIKERT', text: "Als ik de school bel, word ik vriendelijk en goed geholpen.", required: true },
          { type: 'LIKERT', text: "Op mijn e-mail krijg ik uiterlijk de volgende werkdag antwoord.", required: true },
        ],
      },
      {
        title: "Informatie van school",
        questions: [
          { type: 'LIKERT', text: "De nieuwsbrief geeft mij duidelijke en belangrijke informatie.", required: true },
          { type: 'LIKERT', text: "De school laat mij op tijd weten wat er verandert op school.", required: true },
          { type: 'LIKERT', text: "De school is open en eerlijk, ook als er een probleem is.", required: true },
          {
            type: 'MULTI',
            text: "Hoe wilt u het liefst informatie van school krijgen? U mag meer antwoorden kiezen.",
            required: true,
            options: [
              "Via de app van school",
              "Per e-mail",
              "Via de nieuwsbrief",
              "Via de website",
              "In een gesprek op school",
              "Even kort op het plein of bij de deur",
            ],
          },
        ],
      },
      {
        title: "Gesprekken en leren",
        questions: [
          { type: 'LIKERT', text: "In het oudervertelgesprek aan het begin van het jaar kan ik vertellen wat belangrijk is over mijn kind.", required: true },
          { type: 'LIKERT', text: "In de gesprekken maken de leerkracht en ik duidelijke afspraken over mijn kind.", required: true },
          { type: 'LIKERT', text: "Ik weet goed hoe mijn kind zich op school ontwikkelt.", required: true },
          { type: 'LIKERT', text: "De school vertelt mij hoe ik mijn kind thuis kan helpen met schoolwerk.", required: true },
          {
            type: 'SINGLE',
            text: "Wat vindt u van het aantal gesprekken over uw kind per schooljaar?",
            required: true,
            options: ["Te weinig", "Precies goed", "Te veel"],
          },
        ],
      },
      {
        title: "Welbevinden en veiligheid",
        questions: [
          { type: 'LIKERT', text: "Mijn kind gaat met plezier naar school.", required: true },
          { type: 'LIKERT', text: "Mijn kind voelt zich veilig op school.", required: true },
          { type: 'LIKERT', text: "De school pakt pesten goed aan.", required: true },
          { type: 'LIKERT', text: "Als ik me zorgen maak over mijn kind, kijken de school en ik samen wat nodig is.", required: true },
        ],
      },
      {
        title: "Gehoord worden",
        questions: [
          { type: 'LIKERT', text: "De leerkracht ziet mij als partner als het gaat om mijn kind.", required: true },
          { type: 'LIKERT', text: "De school neemt mijn vragen en klachten serieus.", required: true },
          { type: 'LIKERT', text: "De school staat open voor ideeën van ouders.", required: true },
          { type: 'LIKERT', text: "De school vertelt ouders wat zij doet met de uitkomsten van deze peiling.", required: true },
          { type: 'OPEN', text: "Wat gaat er goed op onze school?", required: false },
          { type: 'OPEN', text: "Wat kan de school beter doen? Geef ons gerust een tip.", required: false },
        ],
      },
    ],
  },

  // 2. Schoolscan op de 10 criteria van Ouderbetrokkenheid 3.0 — zelfde stellingen voor ouders en team.
  {
    key: 'schoolscan',
    title: "Schoolscan: samenwerken van ouders en school",
    intro:
      "Ouders en teamleden vullen dezelfde vragenlijst in. Zo zien we samen wat al goed gaat in onze samenwerking en wat beter kan.",
    audiences: ['GUARDIANS', 'TEAM'],
    anonymous: true,
    sections: [
      {
        title: "1. Onze visie op samenwerken is zichtbaar",
        questions: [
          { type: 'LIKERT', text: "De school heeft een duidelijke visie op samenwerken met ouders.", required: true },
          { type: 'LIKERT', text: "In de berichten van school is te zien dat samenwerken met ouders belangrijk is.", required: true },
          { type: 'LIKERT', text: "Ouders en teamleden weten hoe en waarom wij samenwerken.", required: true },
        ],
      },
      {
        title: "2. Ouders denken mee over beleid",
        questions: [
          { type: 'LIKERT', text: "De school vraagt ouders mee te denken als beleid wordt gemaakt of veranderd.", required: true },
          { type: 'LIKERT', text: "Ouders weten wat er met hun ideeën en inbreng gebeurt.", required: true },
          { type: 'LIKERT', text: "De school maakt gebruik van de kennis en talenten van ouders.", required: true },
        ],
      },
      {
        title: "3. Iedereen voelt zich welkom",
        questions: [
          { type: 'LIKERT', text: "Ouders, leerlingen en teamleden voelen zich welkom op school.", required: true },
          { type: 'LIKERT', text: "Ouders en leerkrachten gaan open en gelijkwaardig met elkaar om.", required: true },
          { type: 'LIKERT', text: "Ouders worden op school uitgenodigd, bijvoorbeeld bij presentaties en inloopochtenden.", required: true },
        ],
      },
      {
        title: "4. Leren gaat thuis door",
        questions: [
          { type: 'LIKERT', text: "Leerkrachten vertellen ouders wat de kinderen in de klas leren.", required: true },
          { type: 'LIKERT', text: "De school geeft ouders tips om hun kind thuis te helpen met leren.", required: true },
          { type: 'LIKERT', text: "Ouders praten thuis met hun kind over wat het op school leert.", required: true },
        ],
      },
      {
        title: "5. Gelijkwaardige gesprekken",
        questions: [
          { type: 'LIKERT', text: "In gesprekken over het kind hebben ouders en leerkracht allebei evenveel inbreng.", required: true },
          { type: 'LIKERT', text: "Leerlingen praten zoveel mogelijk mee in gesprekken over hun eigen ontwikkeling.", required: true },
          { type: 'LIKERT', text: "In gesprekken is er genoeg tijd voor iedereen.", required: true },
        ],
      },
      {
        title: "6. Verantwoordelijk voor elkaar",
        questions: [
          { type: 'LIKERT', text: "Ouders en team praten met respect over elkaar, op school en daarbuiten.", required: true },
          { type: 'LIKERT', text: "Ouders en team letten ook op het welzijn van andere kinderen en ouders.", required: true },
          { type: 'LIKERT', text: "Als er iets niet goed gaat, trekken ouders en school snel aan de bel.", required: true },
        ],
      },
      {
        title: "7. Samen één dossier",
        questions: [
          { type: 'LIKERT', text: "De school legt belangrijke informatie over het kind goed vast in het leerlingdossier.", required: true },
          { type: 'LIKERT', text: "Ouders kunnen altijd inzien wat er over hun kind is vastgelegd.", required: true },
          { type: 'LIKERT', text: "Ouders kunnen zelf informatie toevoegen aan het dossier van hun kind.", required: true },
        ],
      },
      {
        title: "8. Ideeën en klachten worden serieus genomen",
        questions: [
          { type: 'LIKERT', text: "De school neemt klachten en verbeterideeën van ouders serieus.", required: true },
          { type: 'LIKERT', text: "De school laat zien wat er met klachten en verbeterideeën gebeurt.", required: true },
          { type: 'LIKERT', text: "Ouders komen open en eerlijk naar school als zij een klacht hebben.", required: true },
        ],
      },
      {
        title: "9. Aanwezig bij gesprekken en bijeenkomsten",
        questions: [
          { type: 'LIKERT', text: "Aan het begin van het schooljaar is er een startgesprek met ouders, kind en leerkracht.", required: true },
          { type: 'LIKERT', text: "De school laat op tijd weten bij welke momenten ouders aanwezig moeten zijn, en waarom.", required: true },
          { type: 'LIKERT', text: "Ouders zijn aanwezig bij de gesprekken en bijeenkomsten die zijn afgesproken.", required: true },
        ],
      },
      {
        title: "10. Wetten en regels",
        questions: [
          { type: 'LIKERT', text: "De school legt regels duidelijk uit, zoals over leerplicht en de ouderbijdrage.", required: true },
          { type: 'LIKERT', text: "De school houdt zich zelf aan de wetten, regels en afspraken.", required: true },
          { type: 'LIKERT', text: "Ouders houden zich aan de afspraken van school.", required: true },
        ],
      },
    ],
  },

  // 3. Vragenlijst "Wat voor school wilt u?" (analyse vragenlijsten, relatiegerichte school).
  {
    key: 'school_kind',
    title: "Wat voor school wilt u?",
    intro:
      "Met deze korte vragenlijst willen we weten hoe u de samenwerking tussen ouders en school graag ziet. Beantwoord elke vraag met ja of nee.",
    audiences: ['GUARDIANS'],
    anonymous: true,
    sections: [
      {
        title: "Kennen en meeleven",
        questions: [
          { type: 'YES_NO', text: "Vindt u het belangrijk dat de leerkracht u en uw kind goed kent?", required: true },
          { type: 'YES_NO', text: "Wilt u dat de leerkracht het dossier van uw kind goed kent?", required: true },
          { type: 'YES_NO', text: "Wilt u dat de leerkracht weet wat er thuis belangrijks speelt, zoals een verhuizing of ziekte?", required: true },
          { type: 'YES_NO', text: "Wilt u dat de leerkracht bij u thuis op huisbezoek komt?", required: true },
          { type: 'YES_NO', text: "Wilt u dat de school zelf contact met u zoekt, ook als er geen probleem is?", required: true },
        ],
      },
      {
        title: "Informatie",
        questions: [
          { type: 'YES_NO', text: "Wilt u op de hoogte blijven van wat er in de klas gebeurt?", required: true },
          { type: 'YES_NO', text: "Vindt u het belangrijk dat de school duidelijke informatie geeft?", required: true },
          { type: 'YES_NO', text: "Wilt u dat de school duidelijk vertelt wat zij wel en niet doet?", required: true },
          { type: 'YES_NO', text: "Is het voor u genoeg om informatie over uw kind te krijgen als u er zelf om vraagt?", required: true },
          { type: 'YES_NO', text: "Wilt u naast de vaste gesprekken ook tussendoor horen hoe het met uw kind gaat?", required: true },
        ],
      },
      {
        title: "Meehelpen en meedenken",
        questions: [
          { type: 'YES_NO', text: "Wilt u af en toe meehelpen op school, bijvoorbeeld bij een klusje of een schoolreis?", required: true },
          { type: 'YES_NO', text: "Vindt u het prima als meehelpen spontaan wordt geregeld, bijvoorbeeld op het plein?", required: true },
          { type: 'YES_NO', text: "Wilt u meedenken en meebeslissen over zaken die over uw eigen kind gaan?", required: true },
          { type: 'YES_NO', text: "Wilt u meebeslissen over het beleid van de hele school?", required: true },
        ],
      },
    ],
  },
];
