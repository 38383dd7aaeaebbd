import 'server-only';
import { randomUUID } from 'node:crypto';
import { actingGuardianships, attendingTalk, householdKeyFor, plannedGroupsWhere, toldOfTalk } from '@/lib/access/bookings';
import { isGuardian } from '@/lib/access/roles';
import { childScope } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/actor';
import type { Exec } from '@/lib/db-raw';
import { violatedConstraint } from '@/lib/db-raw';
import type { Db, Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fullName } from '@/lib/format/name';
import type { BookInput } from './schemas';

// The booking itself, shaped for the opening-minute rush: one read that gathers everything the
// rules need, the rules in TypeScript, then one INSERT statement (data-modifying CTEs) that writes
// bookings, slot claims, guardian time claims, history and mail at once. One statement is atomic,
// and the unique keys decide every race: SlotClaim_pkey (slot taken), the Booking key (child
// already booked), GuardianTimeClaim_pkey (parent in two places).

const VIOLATION: Record<string, 'SLOT_TAKEN' | 'CHILD_ALREADY_BOOKED' | 'PARENT_BUSY'> = {
  SlotClaim_pkey: 'SLOT_TAKEN',
  SlotClaim_slotId_schoolId_key: 'SLOT_TAKEN',
  Booking_roundId_childId_householdKey_key: 'CHILD_ALREADY_BOOKED',
  GuardianTimeClaim_pkey: 'PARENT_BUSY',
};

const ms = (col: string) => `(extract(epoch from ${col}) * 1000)::float8`;

type Context = {
  round: {
    id: string; mode: string; opensAt: number; deadline: number; gapMinutes: number; inviteInformationOnly: boolean;
    separateTalksAllowed: boolean; interpreterDoubleSlot: boolean; stageName: string; allocated: boolean;
  } | null;
  slots: { id: string; groupId: string; teacherKey: string; startsAt: number; endsAt: number; location: string | null; blocked: boolean }[];
  guardians: { childId: string; userId: string; right: string; householdId: string; email: string; firstName: string; locale: string }[];
  enrolments: { childId: string; groupId: string }[];
  children: { id: string; firstName: string; prefix: string | null; lastName: string }[];
  yearId: string | null;
  heldByOthers: string[];
  /** Children the teacher wants a longer talk with (TalkWish.doubleSlot): their talk takes two slots. */
  doubleFor: string[];
};

const CONTEXT_SQL = `
select
  (select row_to_json(r) from (
     select tr.id, tr.mode, ${ms('tr."opensAt"')} as "opensAt", ${ms('tr.deadline')} as deadline, tr."gapMinutes",
            tr."inviteInformationOnly", tr."separateTalksAllowed", tr."interpreterDoubleSlot", sd.name as "stageName",
            tr."allocatedAt" is not null as allocated
     from "TalkRound" tr join "StageDefinition" sd on sd.id = tr."stageId"
     where tr.id = $1 and tr."schoolId" = $2) r) as round,
  (select coalesce(json_agg(s), '[]') from (
     select id, "groupId", "teacherKey", ${ms('"startsAt"')} as "startsAt", ${ms('"endsAt"')} as "endsAt", location, blocked
     from "Slot" where "roundId" = $1 and "schoolId" = $2 and (id = any($3) or (($5 or exists (
       select 1 from "TalkWish" w where w."roundId" = $1 and w."schoolId" = $2 and w."childId" = any($4) and w."doubleSlot"))
       and "groupId" in (select "groupId" from "Slot" where id = any($3))))
     order by "startsAt") s) as slots,
  (select coalesce(json_agg(g), '[]') from (
     select g."childId", g."userId", g."right", g."householdId", u.email, u."firstName", u.locale
     from "Guardianship" g join "User" u on u.id = g."userId" where g."schoolId" = $2 and g."childId" = any($4) and g."endedAt" is null) g) as guardians,
  (select coalesce(json_agg(e), '[]') from (
     select e."childId", e."groupId" from "Enrolment" e join "RoundGroup" rg on rg."groupId" = e."groupId" and rg."roundId" = $1
     where e."schoolId" = $2 and e."childId" = any($4)) e) as enrolments,
  (select coalesce(json_agg(c), '[]') from (
     select id, "firstName", prefix, "lastName" from "Child" where "schoolId" = $2 and id = any($4)) c) as children,
  (select g."schoolYearId" from "RoundGroup" rg join "Group" g on g.id = rg."groupId" where rg."roundId" = $1 limit 1) as "yearId",
  (select coalesce(json_agg(h."slotId"), '[]') from "SlotHold" h
     where h."slotId" = any($3) and h."userId" <> $6 and h."expiresAt" > $7::timestamp) as "heldByOthers",
  (select coalesce(json_agg(w."childId"), '[]') from "TalkWish" w
     where w."roundId" = $1 and w."schoolId" = $2 and w."childId" = any($4) and w."doubleSlot") as "doubleFor"`;

const WRITE_SQL = `
with input as (
  select * from jsonb_to_recordset($1::jsonb) as x(id text, "childId" text, "householdKey" text, "calendarUid" text, "calendarSequence" int, "slotIds" text[], "guardianIds" text[], "slotStarts" timestamp[], "startsAt" timestamp)
), b as (
  insert into "Booking" (id, "schoolId", "roundId", "childId", "householdKey", "calendarUid", "calendarSequence", "bookedById", note, language, "needsInterpreter", attendance, "createdAt")
  select id, $2, $3, "childId", "householdKey", "calendarUid", "calendarSequence", $4, $5, $6, $7, 'EXPECTED'::"Attendance", now() from input returning id
), sc as (
  insert into "SlotClaim" ("slotId", "schoolId", "bookingId") select unnest("slotIds"), $2, id from input returning 1
), tc as (
  insert into "GuardianTimeClaim" ("userId", "startsAt", "schoolId", "bookingId")
  select g, s, $2, i.id from input i cross join lateral unnest(i."guardianIds") g cross join lateral unnest(i."slotStarts") s returning 1
), ev as (
  insert into "BookingEvent" (id, "schoolId", "roundId", "childId", "actorId", kind, "slotStart", "createdAt")
  select 'ev' || id, $2, $3, "childId", $4, 'booked', "startsAt", now() from input returning 1
), held as (
  delete from "SlotHold" where "slotId" in (select unnest("slotIds") from input) returning 1
), wl as (
  -- A joint talk ends every household's wait; a household's own talk ends only that household's.
  delete from "WaitlistEntry" w using input i
  where w."roundId" = $3 and w."childId" = i."childId" and (i."householdKey" = 'joint' or w."householdId" = i."householdKey") returning 1
), mail as (
  insert into "OutboxMail" (id, "schoolId", "to", subject, text, kind, template, params, "createdAt", attempts, "nextAttemptAt")
  select id, $2, "to", '', '', kind, template, params, now(), 0, now()
  from jsonb_to_recordset($8::jsonb) as m(id text, "to" text, kind text, template text, params jsonb) returning 1
)
select count(*)::int as n from b`;

export type Booked = { id: string; childId: string; startsAt: Date; endsAt: Date; location: string | null; calendarUid: string; calendarSequence: number };

/**
 * A move books the talk anew in the old one's place (the caller deleted it in the same transaction):
 * the new booking keeps the household it belonged to and its calendar identity (same uid, sequence
 * raised), and the families get the move mail instead of a confirmation.
 */
export type MovedFrom = { householdKey: string; calendarUid: string; calendarSequence: number; previousStartsAt: Date };

/**
 * Book one talk per child, all or nothing. `exec` runs on the pool (one atomic statement) or inside a
 * Prisma transaction (move, waiting list); `db` serves the staff scope check.
 */
export async function runBooking(exec: Exec, db: Db | Tx, actor: Actor, input: BookInput, now: Date, moved?: MovedFrom): Promise<Booked[]> {
  if (moved && input.items.length !== 1) throw new AppError('CONFLICT');
  const childIds = input.items.map((i) => i.childId);
  const slotIds = input.items.map((i) => i.slotId);
  const interpreter = !!input.needsInterpreter;
  const [ctx] = await exec<Context>(CONTEXT_SQL, [input.roundId, actor.schoolId, slotIds, childIds, interpreter, actor.userId, now.toISOString()]);
  const round = ctx.round;
  if (!round) throw new AppError('NOT_FOUND');

  const guardian = isGuardian(actor);
  // The actor's own guardianship per child, by the same rule as every other booking path.
  const acting = guardian ? actingGuardianships(ctx.guardians, actor, childIds, round, 'booking') : [];
  if (guardian) {
    // A fair round opens for booking (swapping) only once its allocation has run.
    if (round.mode === 'FAIR' ? !round.allocated : +now < round.opensAt) throw new AppError('ROUND_NOT_OPEN');
    if (+now > round.deadline) throw new AppError('DEADLINE_PASSED');
  } else {
    const visible = ctx.yearId ? await db.child.count({ where: { AND: [{ id: { in: childIds } }, await childScope(actor, ctx.yearId)] } }) : 0;
    if (visible !== childIds.length) throw new AppError('NOT_FOUND');
    // Staff book on a family's behalf in the groups they plan talks for (the internal supervisor sees
    // every child but plans no group's talks): policy.ts booking.write, found by the access matrix.
    const groupIds = [...new Set(ctx.slots.filter((s) => slotIds.includes(s.id)).map((s) => s.groupId))];
    if ((await db.group.count({ where: { AND: [plannedGroupsWhere(actor), { id: { in: groupIds } }] } })) !== groupIds.length) throw new AppError('NOT_FOUND');
  }

  const taken: { startsAt: number; endsAt: number }[] = [];
  const rows = [];
  for (const item of input.items) {
    const slot = ctx.slots.find((s) => s.id === item.slotId);
    // A slot of another round or group is "not found" for this child; a blocked one is simply taken.
    if (!slot || !ctx.enrolments.some((e) => e.childId === item.childId && e.groupId === slot.groupId)) throw new AppError('NOT_FOUND');
    // Blocked, or kept for another parent who is confirming it right now: taken.
    if (slot.blocked || (guardian && ctx.heldByOthers.includes(slot.id))) throw new AppError('SLOT_TAKEN');
    const claimed = [slot];
    if ((interpreter && round.interpreterDoubleSlot) || ctx.doubleFor.includes(item.childId)) {
      // An interpreter needs time, and so does a talk the teacher asked to be longer: take the next
      // slot of the same schedule as well (both are the booking's SlotClaims).
      const next = ctx.slots.find((s) => s.groupId === slot.groupId && s.teacherKey === slot.teacherKey && !s.blocked && s.startsAt >= slot.endsAt && s.startsAt <= slot.endsAt + round.gapMinutes * 60_000);
      if (!next) throw new AppError('SLOT_TAKEN');
      claimed.push(next);
    }
    const span = { startsAt: claimed[0].startsAt, endsAt: claimed.at(-1)!.endsAt };
    if (taken.some((t) => t.startsAt < span.endsAt && span.startsAt < t.endsAt)) throw new AppError('PARENT_BUSY');
    taken.push(span);
    // Staff book for the family (joint); a guardian for their household when talks are separate.
    const householdKey = moved?.householdKey ?? householdKeyFor(round, ctx.guardians, item.childId, acting.find((g) => g.childId === item.childId)?.householdId);
    const id = randomUUID().replace(/-/g, '');
    const attending = attendingTalk(ctx.guardians, item.childId, householdKey, round);
    rows.push({
      id,
      childId: item.childId,
      householdKey,
      calendarUid: moved?.calendarUid ?? `${id}@ouderportaal`,
      calendarSequence: moved ? moved.calendarSequence + 1 : 0,
      slotIds: claimed.map((s) => s.id),
      guardianIds: [...new Set(attending.map((g) => g.userId))],
      slotStarts: claimed.map((s) => new Date(s.startsAt).toISOString()),
      startsAt: new Date(span.startsAt).toISOString(),
      span,
      location: slot.location,
    });
  }

  // Every guardian of each child is told, information-only ones included (they see the same); of a
  // household's own talk, only that household.
  // The worker renders the text and .ics later; here only the values are stored (see OutboxMail).
  const mails = [];
  for (const r of rows) {
    const child = ctx.children.find((c) => c.id === r.childId)!;
    for (const g of toldOfTalk(ctx.guardians, r.childId, r.householdKey)) {
      const params = {
        to: { email: g.email, firstName: g.firstName, locale: g.locale }, schoolId: actor.schoolId, child: fullName(child), stage: round.stageName,
        bookingId: r.id, calendarUid: r.calendarUid, sequence: r.calendarSequence,
        startsAt: new Date(r.span.startsAt).toISOString(), endsAt: new Date(r.span.endsAt).toISOString(), location: r.location,
        ...(moved ? { previousStartsAt: moved.previousStartsAt.toISOString() } : {}),
      };
      const template = moved ? 'booking_moved' : 'booking_confirmed';
      mails.push({ id: randomUUID().replace(/-/g, ''), to: g.email, kind: template, template, params });
    }
  }

  try {
    await exec(WRITE_SQL, [
      JSON.stringify(rows.map((r) => ({ id: r.id, childId: r.childId, householdKey: r.householdKey, calendarUid: r.calendarUid, calendarSequence: r.calendarSequence, slotIds: r.slotIds, guardianIds: r.guardianIds, slotStarts: r.slotStarts, startsAt: r.startsAt }))),
      actor.schoolId, round.id, actor.userId, input.note ?? null, input.language ?? null, interpreter, JSON.stringify(mails),
    ]);
  } catch (e) {
    const constraint = violatedConstraint(e);
    if (constraint) throw new AppError(VIOLATION[constraint] ?? 'CONFLICT');
    throw e;
  }
  return rows.map((r) => ({ id: r.id, childId: r.childId, startsAt: new Date(r.span.startsAt), endsAt: new Date(r.span.endsAt), location: r.location, calendarUid: r.calendarUid, calendarSequence: r.calendarSequence }));
}
