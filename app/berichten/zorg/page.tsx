import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { ComplaintForm } from '@/components/messages/ComplaintForm';
import { ComplaintSteps, Counsellor } from '@/components/messages/ComplaintSteps';
import { Card } from '@/components/ui/Card';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { fullName } from '@/lib/format/name';
import { complaintRoute } from '@/lib/messages/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('threads.complaint'))('title') };
}

// The guided route for a worry or complaint: teacher, director, formal procedure; the counsellor at every step.
export default async function WorryPage() {
  const actor = await requireRole(...ROLES.guardian);
  const t = await getTranslations('threads.complaint');
  const tt = await getTranslations('threads');
  const r = await complaintRoute(actor);
  const teachers = r.children.flatMap((c) => (c.group ? c.teachers.map((p) => ({ value: p.id, label: t('concernsTeacher', { name: fullName(p), group: c.group!.name }) })) : []));
  const uniqueTeachers = [...new Map(teachers.map((o) => [o.value, o])).values()];
  return (
    <AppShell actor={actor} path="/berichten">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('intro')}</p>
      <ComplaintSteps />
      <Counsellor school={r.school} />
      <Card aria-labelledby="mine-title">
        <h2 id="mine-title" className="mb-2 text-lg font-semibold">{t('mineTitle')}</h2>
        {r.complaints.length ? (
          <ul className="flex flex-col gap-2" data-testid="complaints">
            {r.complaints.map((c) => (
              <li key={c.id}>
                <Link href={`/berichten/${c.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">{c.subject}</Link>
                <p className="text-stone-700">
                  {c.child?.firstName} · {t('currentStep', { step: t(`stepNames.${c.complaintStep ?? 'TEACHER'}`) })} · {c.closedAt ? tt('closed') : tt('open')}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('none')}</p>
        )}
      </Card>
      {r.children.length > 0 && (
        <Card aria-labelledby="complaint-form-title">
          <h2 id="complaint-form-title" className="mb-2 text-lg font-semibold">{t('formTitle')}</h2>
          <ComplaintForm kids={r.children.map((c) => ({ value: c.id, label: c.group ? tt('childInGroup', { child: fullName(c), group: c.group.name }) : fullName(c) }))} teachers={uniqueTeachers} />
        </Card>
      )}
    </AppShell>
  );
}
