import 'server-only';
import { requireGuardianOfSlot } from '@/lib/access/bookings';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { poolExec } from '@/lib/db-raw';
import { AppError } from '@/lib/errors';
import { HOLD_MINUTES } from './schemas';

/**
 * Keep a tapped slot for this parent while they confirm. One conditional upsert: it succeeds when
 * the slot is free and unheld, its hold has expired, or the hold is already theirs. The parent may
 * hold one slot per round at a time, so tapping around does not lock up an evening.
 */
export async function holdSlot(actor: Actor, slotId: string, now = new Date()) {
  await requireGuardianOfSlot(prisma, actor, slotId);
  const expiresAt = new Date(+now + HOLD_MINUTES * 60_000);
  const rows = await poolExec<{ slotId: string }>(
    `with target as (
       select s.id, s."roundId" from "Slot" s
       where s.id = $1 and s."schoolId" = $2 and not s.blocked
         and not exists (select 1 from "SlotClaim" c where c."slotId" = s.id)
     ), release as (
       delete from "SlotHold" h using "Slot" s, target t
       where h."slotId" = s.id and s."roundId" = t."roundId" and h."userId" = $3 and h."slotId" <> t.id
     )
     insert into "SlotHold" ("slotId", "schoolId", "userId", "expiresAt")
     select id, $2, $3, $4::timestamp from target
     on conflict ("slotId") do update set "userId" = excluded."userId", "expiresAt" = excluded."expiresAt"
       where "SlotHold"."expiresAt" < $5::timestamp or "SlotHold"."userId" = excluded."userId"
     returning "slotId"`,
    [slotId, actor.schoolId, actor.userId, expiresAt.toISOString(), now.toISOString()],
  );
  if (!rows.length) throw new AppError('SLOT_TAKEN');
  return { slotId, expiresAt };
}
