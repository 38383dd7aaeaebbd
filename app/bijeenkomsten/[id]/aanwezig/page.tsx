import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { AttendanceToggle } from '@/components/meetings/AttendanceToggle';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { registerSheet } from '@/lib/meetings/queries';
import { orNotFound } from '@/lib/not-found';

// The register on the evening, on a phone: one row per invited household under each group, a large toggle that saves per tap.
export default async function RegisterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireRole(...ROLES.staff);
  const sheet = await orNotFound(registerSheet(actor, id));
  const t = await getTranslations('meetings');
  return (
    <AppShell actor={actor} path={`/bijeenkomsten/${id}/aanwezig`}>
      <h1 className="text-2xl font-bold break-words">{t('sheet.title', { title: sheet.meeting.title })}</h1>
      <p className="text-stone-700">{t('sheet.intro')}</p>
      {sheet.groups.map((g) => (
        <section key={g.groupId} aria-labelledby={`group-${g.groupId}`} className="flex flex-col gap-2">
          <h2 id={`group-${g.groupId}`} className="text-xl font-semibold">
            {t('groups', { names: g.name })}
          </h2>
          {g.households.length === 0 ? (
            <p className="text-stone-700">{t('sheet.noHouseholds')}</p>
          ) : (
            <ul className="flex flex-col gap-2" data-testid={`register-${g.name}`}>
              {g.households.map((h) => {
                const rowId = `h-${g.groupId}-${h.householdId}`;
                return (
                  <li key={h.householdId} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-300 bg-white p-3" data-testid="register-row">
                    <div id={rowId} className="min-w-0 flex-1">
                      <p className="font-semibold break-words">{h.children.join(', ')}</p>
                      <p className="text-sm break-words text-stone-700">{t('sheet.guardians', { names: h.guardians.join(', ') })}</p>
                      <p className="text-sm text-stone-700">{t('sheet.rsvp', { answer: h.rsvp ? t(`answers.${h.rsvp.answer}`) : t('answers.none') })}{h.rsvp && h.rsvp.people > 0 && <> · {t('people', { count: h.rsvp.people })}</>}</p>
                    </div>
                    <AttendanceToggle meetingId={sheet.meeting.id} householdId={h.householdId} present={h.present} describedBy={rowId} />
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
      <p>
        <Link href={`/bijeenkomsten/${id}`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2">
          {t('sheet.back')}
        </Link>
      </p>
    </AppShell>
  );
}
