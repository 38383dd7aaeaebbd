import { getFormatter, getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/AppShell';
import { SmallActionForm } from '@/components/reports/SmallActionForm';
import { Card } from '@/components/ui/Card';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { markHomeChangeHandledAction } from '@/lib/reports/actions';
import { homeChanges } from '@/lib/reports/home-change';

export async function generateMetadata() {
  return { title: (await getTranslations('reports.director'))('changesTitle') };
}

/** Changes from home for the administration: open ones first, marked handled once updated. */
export default async function HomeChangesPage() {
  const actor = await requireRole(...ROLES.director);
  const { open, handled } = await homeChanges(actor);
  const t = await getTranslations('reports');
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  type Change = (typeof open)[number];
  const body = (c: Change) => (
    <>
      <h3 id={`change-${c.id}`} className="font-semibold first-letter:uppercase">
        {t(`changeKind.${c.kind}`)}
        {c.child && <> · {t('director.about', { child: c.child.name })}</>}
      </h3>
      <p className="whitespace-pre-line">{c.text}</p>
      <p className="text-sm text-stone-700">
        {t('director.reportedBy', { name: c.reporter, date: when(c.createdAt) })}
        {c.reporterEmail && <> · {c.reporterEmail}</>}
        {c.reporterPhone && <> · {c.reporterPhone}</>}
      </p>
      {c.addToFile && <p className="text-sm text-stone-700">{t('director.inFile')}</p>}
    </>
  );
  return (
    <AppShell actor={actor} path="/directie/wijzigingen">
      <h1 className="text-2xl font-bold">{t('director.changesTitle')}</h1>
      <section aria-labelledby="open-title" className="flex flex-col gap-3">
        <h2 id="open-title" className="text-xl font-semibold">{t('director.open')} ({open.length})</h2>
        {open.length === 0 && <p>{t('director.noneOpen')}</p>}
        {open.map((c) => (
          <Card key={c.id} aria-labelledby={`change-${c.id}`} className="flex flex-col gap-1" data-testid="open-change">
            {body(c)}
            <SmallActionForm action={markHomeChangeHandledAction} name="changeId" value={c.id} label={t('director.markHandled')} ariaLabel={t('director.markHandledLabel', { name: c.reporter })} />
          </Card>
        ))}
      </section>
      <section aria-labelledby="handled-title" className="flex flex-col gap-3">
        <h2 id="handled-title" className="text-xl font-semibold">{t('director.handled')}</h2>
        {handled.length === 0 && <p>{t('director.noneHandled')}</p>}
        {handled.map((c) => (
          <Card key={c.id} aria-labelledby={`change-${c.id}`} className="flex flex-col gap-1">
            {body(c)}
            {c.handledAt && <p className="text-sm font-medium">{t('director.handledOn', { date: when(c.handledAt) })}</p>}
          </Card>
        ))}
      </section>
    </AppShell>
  );
}
