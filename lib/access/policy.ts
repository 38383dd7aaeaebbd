// The access policy as one table: for each kind of thing about a child, which relation to the child
// may do what. The guards (./guards.ts) and scope builders read it; the access-matrix test
// (tests/access-matrix.int.test.ts) is generated from it, so a kind without a row fails that test.
//
// Relations, resolved per child by ./relations.ts:
// - authority:   a guardian with parental authority (gezag)
// - information: a guardian with the right to information only (BW 1:377c: information about the
//                child, not about the other parent, and no say in decisions)
// - teacher:     a teacher of the child's group this school year (duo colleagues both are), or any
//                teacher when the school opens all pupils to its teachers
// - care:        the internal supervisor (intern begeleider), for every child of the school
// - director:    the school's director
// Household-owned rows (a separately booked talk, a preference, a place on the waiting list, a
// preparation) are further limited to the household that owns them (./bookings.ts, ./child-file.ts).
// A refusal is NOT_FOUND, except for a guardian who may read a round but is not invited to act in
// it: they hear NOT_INVITED, which says why.

export const RELATIONS = ['authority', 'information', 'teacher', 'care', 'director'] as const;
export type Relation = (typeof RELATIONS)[number];

const GUARDIANS = ['authority', 'information'] as const satisfies readonly Relation[];
const STAFF = ['teacher', 'care', 'director'] as const satisfies readonly Relation[];
const EVERYONE = [...GUARDIANS, ...STAFF];

export const POLICY = {
  // The child's details and file overview; ending access or recording that a child left is the director's.
  child: { read: EVERYONE, write: ['director'] },
  // Another guardian's e-mail and phone: staff; a guardian sees only their own household's.
  guardianContact: { read: STAFF, readOwnHousehold: GUARDIANS },
  // Talk rounds and their moments: planned by the group's teacher or the director. A guardian with
  // information only is invited when the round says so (inviteInformationOnly).
  round: { read: EVERYONE, write: ['teacher', 'director'] },
  slot: { read: EVERYONE, write: ['teacher', 'director'] },
  // Booking, moving, cancelling a talk: the household that booked it (a joint talk: any guardian with
  // authority), information-only guardians only when invited; staff for their groups.
  booking: { read: EVERYONE, write: ['authority', 'teacher', 'director'], writeIfInvited: ['information'] },
  // Staff have no view of the waiting list: a freed moment is offered to it automatically.
  waitlist: { read: GUARDIANS, write: ['authority'], writeIfInvited: ['information'] },
  preference: { read: GUARDIANS, write: ['authority'], writeIfInvited: ['information'] },
  // Talk records: written by staff; read by every guardian once published; confirmed and answered
  // by a guardian with authority only (the field is shared by the family).
  record: { read: EVERYONE, write: STAFF, confirm: ['authority'] },
  agreement: { read: EVERYONE, write: STAFF, respond: ['authority'] },
  plan: { read: EVERYONE, write: STAFF },
  // Parents' additions: any guardian adds, staff read what is shared with their role, the other
  // household only when the writer shared it with both.
  note: { read: EVERYONE, write: GUARDIANS },
  // Preparing a talk: the guardians invited to it.
  preparation: { read: EVERYONE, write: ['authority'], writeIfInvited: ['information'] },
  moment: { read: EVERYONE, write: STAFF },
  // The teacher's mark per pupil and round ("I want to see these parents" / "no talk needed"): set by
  // the teachers of the child's group or the director, seen by the family and the staff around it.
  talkWish: { read: EVERYONE, write: ['teacher', 'director'] },
  // When plans change (lib/bookings/disruption.ts), about the talks of the child's group: a teacher
  // falls ill and the day's talks are cancelled by a teacher of the group (the duo colleague, or
  // they themselves) or the director; moving an evening moves every group's talks in it: the director.
  talkDay: { cancel: ['teacher', 'director'], move: ['director'] },
  // The data-subject export is the legal representative's to request (and the director's to give).
  export: { read: ['authority', 'director'] },
  // Conversations about a child (lib/messages): every guardian starts one for their household; staff
  // answer in their inbox (the group's teachers, the director, a colleague it was handed to). A
  // thread is further limited to its households and its inbox there.
  thread: { read: EVERYONE, write: EVERYONE },
  // A worry or complaint: raised by a guardian, on the guided route teacher → director → formal
  // procedure. The teacher reads it only while it is at the teacher's step (never one the parent took
  // to the director); the internal supervisor not at all.
  complaint: { raise: GUARDIANS, read: [...GUARDIANS, 'teacher', 'director'] },
  // Sick or absent: either home may report it (the child may be ill at either), staff read it in the
  // morning view, a guardian or the teacher marks "better again".
  absence: { read: EVERYONE, report: GUARDIANS, close: [...GUARDIANS, 'teacher', 'director'] },
  // Leave (Leerplichtwet) is a decision about the child: asked by a guardian with authority (their
  // household's request), decided by the director; the teacher sees it.
  leave: { read: ['authority', 'teacher', 'director'], request: ['authority'], decide: ['director'] },
  // A change at home (address, phone, situation) goes to the school administration: the director.
  homeChange: { report: GUARDIANS, read: ['director'] },
  // School-wide things, not about one child: the relation is the actor's role at the school.
  survey: { answer: GUARDIANS, write: ['director'], results: ['director'] },
  charter: { read: EVERYONE, acknowledge: GUARDIANS, write: ['director'] },
  calendarFeed: { read: EVERYONE },
  // Announcements to the school or groups: staff post to the groups they teach, the director also to
  // the whole school; guardians read their children's groups' and confirm reading when asked.
  announcement: { read: EVERYONE, write: STAFF, writeWholeSchool: ['director'], confirm: GUARDIANS },
  // When staff are reachable: everyone reads it, each staff member sets their own.
  workingHours: { read: EVERYONE, write: STAFF },
  // Reply times per month and group: the director's.
  replyFigures: { read: ['director'] },
  // What a parent is good at and would help with: their own to write, staff search it when planning.
  talent: { read: STAFF, write: GUARDIANS },
  // Activities that need help (an excursion, the Christmas dinner): staff post them for the groups
  // they teach (the director for any group or the whole school), a class parent for their group;
  // guardians sign up for the activities of their children's groups and the whole school.
  activity: { read: EVERYONE, write: STAFF, writeAsClassParent: GUARDIANS, signUp: GUARDIANS },
  // Meetings (theme evening, presentation, council): staff invite their groups, guardians answer
  // for their household, staff tick attendance on the evening.
  meeting: { read: EVERYONE, write: STAFF, rsvp: GUARDIANS, register: STAFF },
  // The families the portal does not reach, across every channel: the director's.
  reach: { read: ['director'] },
} as const satisfies Record<string, Record<string, readonly Relation[]>>;

export type ResourceKind = keyof typeof POLICY;
/** Kinds about the school, not one child: the actor's relation is their role (./school.ts). */
export const SCHOOL_KINDS = ['survey', 'charter', 'calendarFeed', 'announcement', 'workingHours', 'replyFigures', 'talent', 'activity', 'meeting', 'reach'] as const satisfies readonly ResourceKind[];
export type SchoolKind = (typeof SCHOOL_KINDS)[number];
export type Verb<K extends ResourceKind> = keyof (typeof POLICY)[K] & string;

/** Whether any of the actor's relations to the child allows this. */
export function allows<K extends ResourceKind>(kind: K, verb: Verb<K>, relations: Iterable<Relation>): boolean {
  const allowed = (POLICY[kind] as Record<string, readonly Relation[]>)[verb] ?? [];
  for (const r of relations) if (allowed.includes(r)) return true;
  return false;
}
