import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { AllocateButton } from '@/components/participation/AllocateButton';
import { SignUpForm, WithdrawButton } from '@/components/participation/SignUpForm';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { orNotFound } from '@/lib/not-found';
import { activityDetail } from '@/lib/participation/queries';

export default async function ActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireRole();
  const a = await orNotFound(activityDetail(actor, id));
  const t = await getTranslations('helping');
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'full', timeStyle: 'short' });
  return (
    <AppShell actor={actor} path={`/helpen/${a.id}`}>
      <p>
        <Link href="/helpen" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2">
          {t('back')}
        </Link>
      </p>
      <Card aria-labelledby="activity-title">
        <p className="text-sm text-stone-700">{a.group ? t('group', { name: a.group }) : t('wholeSchool')}</p>
        <h1 id="activity-title" className="mt-1 text-2xl font-bold break-words">
          {a.title}
        </h1>
        <p className="text-sm text-stone-700">{t('by', { author: a.author })}</p>
        <dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t('when')}</dt>
          <dd>
            {when(a.startsAt)} – {format.dateTime(a.endsAt, { timeStyle: 'short' })}
          </dd>
          <dt className="font-medium">{t('form.signupDeadline')}</dt>
          <dd>{a.open ? when(a.signupDeadline) : t('closed')}</dd>
        </dl>
        {a.description && <p className="mt-3 whitespace-pre-line">{a.description}</p>}
        <p className="mt-3 text-sm text-stone-700">{a.allocation === 'FAIR' ? t('fair') : t('firstCome')}</p>
        {a.allocatedAt && <p className="text-sm text-stone-700">{t('allocatedAt', { date: when(a.allocatedAt) })}</p>}
      </Card>
      <section aria-labelledby="roles-title" className="flex flex-col gap-3">
        <h2 id="roles-title" className="text-xl font-semibold">
          {t('rolesTitle')}
        </h2>
        {a.roles.map((r) => (
          <Card key={r.id} aria-labelledby={`role-${r.id}`} data-testid="activity-role">
            <h3 id={`role-${r.id}`} className="text-lg font-semibold">
              {r.label} <span className="text-sm font-normal text-stone-600">({t(`roleKinds.${r.kind}`)})</span>
            </h3>
            <p className="mb-2" data-testid="role-fill">
              {t('fill', { taken: r.taken, places: r.places })}
            </p>
            {r.mine && (
              <p role="status" className="mb-2 font-medium text-green-800">
                {r.mine.status === 'PLACED' ? t('youPlaced') : t('youWaiting', { position: r.mine.position ?? 1 })}
                {r.mine.seats ? ` · ${t('seatsCount', { count: r.mine.seats })}` : ''}
              </p>
            )}
            {a.maySignUp && a.open && (r.mine ? <WithdrawButton roleId={r.id} label={r.label} /> : <SignUpForm roleId={r.id} label={r.label} driver={r.kind === 'DRIVER'} />)}
            {r.placed && r.waiting && (
              <div className="mt-3 grid gap-3 sm:grid-cols-2">
                {([['placedTitle', r.placed], ['waitingTitle', r.waiting]] as const).map(([title, people]) => (
                  <div key={title}>
                    <h4 className="font-semibold">{t(title)}</h4>
                    {people.length === 0 ? (
                      <p className="text-stone-700">{t('nobody')}</p>
                    ) : (
                      <ol className="list-decimal pl-6" data-testid={title}>
                        {people.map((p) => (
                          <li key={p.id}>
                            {p.name}
                            {p.seats ? ` · ${t('seatsCount', { count: p.seats })}` : ''} ·{' '}
                            <a href={`mailto:${p.email}`} className="text-brand-700 underline underline-offset-2 break-all">
                              {p.email}
                            </a>
                          </li>
                        ))}
                      </ol>
                    )}
                  </div>
                ))}
              </div>
            )}
          </Card>
        ))}
      </section>
      {a.mayAllocate && (
        <Card>
          <AllocateButton activityId={a.id} />
        </Card>
      )}
    </AppShell>
  );
}
