import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/AppShell';
import { RemoveStageForm, StageForm, type StageValues } from '@/components/cycle/StageForm';
import { Card } from '@/components/ui/Card';
import { Disclosure } from '@/components/ui/Disclosure';
import { requireRole } from '@/lib/auth/actor';
import { cycleStages, cycleYear } from '@/lib/cycle/service';
import { schoolYears } from '@/lib/school-year/service';
import Link from 'next/link';

export async function generateMetadata() {
  return { title: (await getTranslations('cycle'))('title') };
}

const NEW_STAGE: StageValues = {
  name: '', period: '', fromWeek: null, toWeek: null, durationMinutes: 10, isGroupEvent: false,
  childPresentFromGrade: null, mandatoryGrades: [], optionalGrades: [], agendaTopics: [], parentPreparation: false, childQuestions: [],
};

/** The school's own talk cycle: this year's progress per stage, then each stage to adapt. */
export default async function CyclePage({ searchParams }: { searchParams: Promise<{ jaar?: string | string[] }> }) {
  const actor = await requireRole('DIRECTOR');
  const { jaar } = await searchParams;
  const yearName = typeof jaar === 'string' && jaar.length <= 20 ? jaar : undefined;
  const [stages, { year, rows }, years] = await Promise.all([cycleStages(actor), cycleYear(actor, { yearName }), schoolYears(actor)]);
  const t = await getTranslations('cycle');
  const when = (s: { period: string; fromWeek: number | null; toWeek: number | null }) =>
    [s.period, s.fromWeek === null ? '' : s.toWeek === null || s.toWeek === s.fromWeek ? t('week', { from: s.fromWeek }) : t('weeks', { from: s.fromWeek, to: s.toWeek })].filter(Boolean).join(' · ');
  return (
    <AppShell actor={actor} path="/directie/cyclus">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-stone-700">{t('intro')}</p>
      <Card aria-labelledby="year-title">
        <h2 id="year-title" className="mb-2 text-xl font-semibold">{year ? t('yearTitle', { name: year.name }) : t('noYear')}</h2>
        {years.length > 1 && (
          <nav aria-label={t('otherYears')} className="mb-3 flex flex-wrap gap-x-4 gap-y-1">
            {years.map((y) => (
              <Link key={y.id} href={`/directie/cyclus?jaar=${encodeURIComponent(y.name)}`} aria-current={y.id === year?.id ? 'page' : undefined} className="inline-flex min-h-11 items-center text-brand-700 underline aria-[current=page]:font-semibold aria-[current=page]:no-underline">
                {y.name}
              </Link>
            ))}
          </nav>
        )}
        {year && (
          <div className="overflow-x-auto">
            <table className="w-full text-left" data-testid="cycle-year">
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="py-2 pr-3">{t('stage')}</th>
                  <th scope="col" className="py-2 pr-3 text-right">{t('rounds')}</th>
                  <th scope="col" className="py-2 pr-3 text-right">{t('held')}</th>
                  <th scope="col" className="py-2 pr-3 text-right">{t('published')}</th>
                  <th scope="col" className="py-2 text-right">{t('openAgreements')}</th>
                </tr>
              </thead>
              <tbody>
                {stages.map((s) => {
                  const row = rows.get(s.id);
                  return (
                    <tr key={s.id} className="border-b border-stone-100">
                      <th scope="row" className="py-2 pr-3 font-medium">
                        {s.name} <span className="block text-sm font-normal text-stone-600">{when(s)}</span>
                      </th>
                      <td className="py-2 pr-3 text-right">{row?.rounds ? row.rounds : <span className="text-stone-600">{t('notPlanned')}</span>}</td>
                      <td className="py-2 pr-3 text-right">{row?.held ?? 0}</td>
                      <td className="py-2 pr-3 text-right">{row?.published ?? 0}</td>
                      <td className="py-2 text-right">{row?.openAgreements ?? 0}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <h2 className="text-xl font-semibold">{t('stagesTitle')}</h2>
      {stages.map((s) => (
        <Card key={s.id} aria-labelledby={`stage-${s.id}`}>
          <h3 id={`stage-${s.id}`} className="text-lg font-semibold">{s.name}</h3>
          <p className="mb-3 text-sm text-stone-700">
            {when(s)} · {t('length', { minutes: s.durationMinutes })}
          </p>
          <StageForm
            idPrefix={s.id}
            stage={{
              id: s.id, name: s.name, period: s.period, fromWeek: s.fromWeek, toWeek: s.toWeek, durationMinutes: s.durationMinutes, isGroupEvent: s.isGroupEvent,
              childPresentFromGrade: s.childPresentFromGrade, mandatoryGrades: s.mandatoryGrades, optionalGrades: s.optionalGrades, agendaTopics: s.agendaTopics, parentPreparation: s.parentPreparation, childQuestions: s.childQuestions,
            }}
          />
          <div className="mt-4 border-t border-stone-200 pt-3">
            {s._count.rounds + s._count.groupEvents > 0 ? (
              <p className="text-sm text-stone-600">{t('inUse', { rounds: s._count.rounds, events: s._count.groupEvents })}</p>
            ) : (
              <>
                <p className="mb-2 text-sm text-stone-600">{t('removeHint')}</p>
                <RemoveStageForm stageId={s.id} />
              </>
            )}
          </div>
        </Card>
      ))}
      <Disclosure summary={t('addTitle')}>
        <div className="pt-3">
          <StageForm idPrefix="new" stage={NEW_STAGE} />
        </div>
      </Disclosure>
    </AppShell>
  );
}
