// De Distelvlinder, the demo school: generated deterministically (seeded PRNG) as the two CSV files a
// director would export from the pupil administration, so the seed goes through the real import.
import { toCsv } from '@/lib/import/csv';
import { PUPIL_COLUMNS, STAFF_COLUMNS } from '@/lib/import/schemas';

export const DEMO_PASSWORD = 'Distelvlinder!2026';
export const DEMO_LOGINS = {
  director: { email: 'directeur@distelvlinder.demo', password: DEMO_PASSWORD },
  teacher: { email: 'leerkracht@distelvlinder.demo', password: DEMO_PASSWORD }, // duo teacher of 5A
  guardian: { email: 'ouder@distelvlinder.demo' }, // mother of Sanne (3A) and Daan (6), separated
  guardianOtherHousehold: { email: 'ouder2@distelvlinder.demo' }, // their father, own household
  informationOnly: { email: 'informatie@distelvlinder.demo' }, // father of Noor (7), no custody
  supervisor: { email: 'ib@distelvlinder.demo', password: DEMO_PASSWORD }, // intern begeleider: every child's file
};

export const DEMO_GROUPS = ['1-2A', '1-2B', '3A', '3B', '4A', '4B', '5A', '5B', '6', '7', '8A', '8B'];

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIRLS = ['Emma', 'Julia', 'Mila', 'Tess', 'Sophie', 'Zoë', 'Sara', 'Nora', 'Evi', 'Anna', 'Lotte', 'Fenna', 'Liv', 'Noor', 'Yara', 'Amira', 'Fatima', 'Ayşe', 'Elif', 'Hanna', 'Maja', 'Lina', 'Saar', 'Isa', 'Femke', 'Jasmijn', 'Roos', 'Ilse', 'Nina', 'Mariam'];
const BOYS = ['Noah', 'Sem', 'Liam', 'Lucas', 'Daan', 'Finn', 'Levi', 'Milan', 'Bram', 'Jesse', 'Luuk', 'Thijs', 'Mees', 'Adam', 'Mohammed', 'Yusuf', 'Emir', 'Omar', 'Ilias', 'Jayden', 'Kacper', 'Oliwier', 'Ravi', 'Tim', 'Ruben', 'Sven', 'Gijs', 'Jens', 'Ties', 'Hamza'];
const WOMEN = ['Anouk', 'Marieke', 'Linda', 'Esther', 'Sanne', 'Ingrid', 'Fatma', 'Nadia', 'Samira', 'Agnieszka', 'Priya', 'Chantal', 'Miriam', 'Judith', 'Karin', 'Loes', 'Yvonne', 'Hatice', 'Meryem', 'Olga'];
const MEN = ['Mark', 'Jeroen', 'Bas', 'Sander', 'Martijn', 'Rob', 'Mehmet', 'Ahmed', 'Rachid', 'Tomasz', 'Rajesh', 'Erik', 'Niels', 'Pieter', 'Wouter', 'Hasan', 'Karim', 'Dennis', 'Arjan', 'Joost'];
const SURNAMES: [string | null, string][] = [
  [null, 'Jansen'], ['de', 'Vries'], ['van den', 'Berg'], ['van', 'Dijk'], ['Bakker', 'Bakker'], [null, 'Visser'], [null, 'Smit'], [null, 'Meijer'], ['de', 'Boer'], [null, 'Mulder'],
  ['de', 'Groot'], [null, 'Bos'], [null, 'Vos'], [null, 'Peters'], [null, 'Hendriks'], ['van', 'Leeuwen'], [null, 'Dekker'], [null, 'Brouwer'], ['de', 'Wit'], [null, 'Dijkstra'],
  [null, 'Yılmaz'], [null, 'Kaya'], [null, 'Demir'], [null, 'El Amrani'], [null, 'Bouzid'], [null, 'Haddou'], [null, 'Kowalski'], [null, 'Nowak'], [null, 'Ramdin'], [null, 'Sewnath'],
  ['van der', 'Meer'], ['van der', 'Heijden'], [null, 'Postma'], [null, 'Hoekstra'], [null, 'Wijnands'], ['van', 'Vliet'], [null, 'Koster'], [null, 'Prins'], ['de', 'Jong'], [null, 'Willems'],
].map(([p, n]) => (p === 'Bakker' ? [null, n] : [p, n])) as [string | null, string][];

type Guardian = { first: string; prefix: string | null; last: string; email: string; phone: string; relation: string; authority: boolean; household: number };

const slug = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ı/g, 'i').replace(/ş/g, 's').toLowerCase().replace(/[^a-z]+/g, '');
const ddmmyyyy = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;

/** The pupils file (one row per pupil per guardian) and the staff file of De Distelvlinder. */
export function demoSchoolCsv() {
  const rnd = prng(20262027);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const rows: (string | null)[][] = [];
  let pupilNumber = 4100;
  let phone = 612000000;
  let emailSeq = 0;
  const perGroup = new Map(DEMO_GROUPS.map((g) => [g, 0]));
  const groupFor = (avoid: string[]) => {
    // Fill groups evenly; siblings never share a group.
    const open = DEMO_GROUPS.filter((g) => !avoid.includes(g)).sort((a, b) => perGroup.get(a)! - perGroup.get(b)! || a.localeCompare(b));
    const g = open[Math.floor(rnd() * Math.min(3, open.length))];
    perGroup.set(g, perGroup.get(g)! + 1);
    return g;
  };
  const birth = (group: string) => {
    const grade = Number(group[0]) + (group.startsWith('1-2') && rnd() < 0.5 ? 1 : 0);
    const start = Date.UTC(2022 - grade, 9, 1); // born Oct–Sep: groep 1 is 4–5 years old in 2026
    return new Date(start + Math.floor(rnd() * 365) * 86_400_000);
  };
  const guardian = (women: boolean, last: [string | null, string], relation: string, household: number, authority = true, email?: string): Guardian => {
    const first = pick(women ? WOMEN : MEN);
    return { first, prefix: last[0], last: last[1], email: email ?? `${slug(first)}.${slug(last[1])}${++emailSeq}@voorbeeld.nl`, phone: `06-${(phone++).toString().slice(1)}`, relation, authority, household };
  };

  type Family = { children: { first: string; group: string; dob: Date }[]; guardians: Guardian[]; surname: [string | null, string] };
  const families: Family[] = [];

  // Fixed demo families first, so the demo logins are always the same people.
  families.push({
    surname: ['de', 'Vries'],
    children: [{ first: 'Sanne', group: '3A', dob: new Date(Date.UTC(2019, 2, 14)) }, { first: 'Daan', group: '6', dob: new Date(Date.UTC(2016, 10, 2)) }],
    guardians: [
      { first: 'Marieke', prefix: null, last: 'Bakker', email: DEMO_LOGINS.guardian.email, phone: '06-12345678', relation: 'moeder', authority: true, household: 1 },
      { first: 'Jeroen', prefix: 'de', last: 'Vries', email: DEMO_LOGINS.guardianOtherHousehold.email, phone: '06-23456789', relation: 'vader', authority: true, household: 2 },
    ],
  });
  families.push({
    surname: [null, 'El Amrani'],
    children: [{ first: 'Noor', group: '7', dob: new Date(Date.UTC(2015, 5, 21)) }],
    guardians: [
      { first: 'Samira', prefix: null, last: 'El Amrani', email: 'samira.elamrani@voorbeeld.nl', phone: '06-34567890', relation: 'moeder', authority: true, household: 1 },
      { first: 'Karim', prefix: null, last: 'Haddou', email: DEMO_LOGINS.informationOnly.email, phone: '06-45678901', relation: 'vader', authority: false, household: 2 },
    ],
  });
  for (const f of families) for (const c of f.children) perGroup.set(c.group, perGroup.get(c.group)! + 1);

  let children = families.reduce((n, f) => n + f.children.length, 0);
  while (children < 262) {
    const surname = pick(SURNAMES);
    const n = rnd() < 0.8 ? 1 : rnd() < 0.85 ? 2 : 3;
    const groups: string[] = [];
    const kids = Array.from({ length: Math.min(n, 262 - children) }, () => {
      const group = groupFor(groups);
      groups.push(group);
      return { first: pick(rnd() < 0.5 ? GIRLS : BOYS), group, dob: birth(group) };
    });
    children += kids.length;
    const r = rnd();
    const guardians: Guardian[] =
      r < 0.09
        ? [guardian(rnd() < 0.8, surname, rnd() < 0.8 ? 'moeder' : 'vader', 1)] // single parent
        : r < 0.7
          ? [guardian(true, rnd() < 0.6 ? surname : pick(SURNAMES), 'moeder', 1), guardian(false, surname, 'vader', 1)]
          : [
              // separated: two households, sometimes with a new partner as carer
              guardian(true, pick(SURNAMES), 'moeder', 1),
              guardian(false, surname, 'vader', 2, rnd() > 0.15),
              ...(rnd() < 0.5 ? [guardian(false, pick(SURNAMES), 'stiefouder', 1, false)] : []),
              ...(rnd() < 0.4 ? [guardian(true, pick(SURNAMES), 'stiefouder', 2, false)] : []),
            ];
    families.push({ surname, children: kids, guardians });
  }

  for (const f of families)
    for (const c of f.children) {
      const number = String(pupilNumber++);
      for (const g of f.guardians) {
        rows.push([number, c.first, f.surname[0], f.surname[1], ddmmyyyy(c.dob), c.group, g.first, g.prefix, g.last, g.email, g.phone, g.relation, g.authority ? 'ja' : 'nee', String(g.household)]);
      }
    }

  // 25 staff: the director, 18 group teachers (duos on six groups), six without a group.
  const staff: (string | null)[][] = [['Ingrid', null, 'Hoekstra', DEMO_LOGINS.director.email, 'directeur', '']];
  const duo = new Set(['1-2A', '3A', '4B', '5A', '7', '8B']);
  let t = 0;
  const teacherName = () => {
    const women = rnd() < 0.75;
    const s = SURNAMES[(t * 7 + 3) % SURNAMES.length];
    return [pick(women ? WOMEN : MEN), s[0], s[1]] as const;
  };
  for (const g of DEMO_GROUPS)
    for (let i = 0; i < (duo.has(g) ? 2 : 1); i++) {
      const [first, prefix, last] = teacherName();
      const email = g === '5A' && i === 0 ? DEMO_LOGINS.teacher.email : `${slug(first)}.${slug(last)}${++t}@distelvlinder.demo`;
      staff.push(g === '5A' && i === 0 ? ['Loes', null, 'Brouwer', email, 'leerkracht', g] : [first, prefix, last, email, 'leerkracht', g]);
    }
  for (const role of ['intern begeleider', 'vakleerkracht', 'onderwijsassistent', 'onderwijsassistent', 'leerkracht', 'leerkracht']) {
    const [first, prefix, last] = teacherName();
    const email = role === 'intern begeleider' ? DEMO_LOGINS.supervisor.email : `${slug(first)}.${slug(last)}${++t}@distelvlinder.demo`;
    staff.push([first, prefix, last, email, role, '']);
  }

  return { pupils: toCsv(PUPIL_COLUMNS, rows), staff: toCsv(STAFF_COLUMNS, staff) };
}
