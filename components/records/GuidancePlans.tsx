import { getFormatter, getTranslations } from 'next-intl/server';
import { Disclosure } from '@/components/ui/Disclosure';
import { StatusForm } from '@/components/ui/StatusForm';
import { createGuidancePlanAction, evaluateGuidancePlanAction } from '@/lib/records/actions';
import type { guidancePlans } from '@/lib/records/service';

type Plan = Awaited<ReturnType<typeof guidancePlans>>[number];

const input = 'min-h-11 rounded-lg border border-stone-500 bg-white px-2';

/** Home guidance (000 §4.2): what parents are asked to do at home, and how it turned out. */
export async function GuidancePlanCard({ plan: p, childId, staff }: { plan: Plan; childId: string; staff: boolean }) {
  const t = await getTranslations('guidance');
  const format = await getFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <div data-testid="guidance-plan">
      <p className="font-medium">{p.subject}</p>
      <p>{t('parentTask')}: {p.parentTask}</p>
      <p>{t('how')}: {p.how} · {p.howOften}</p>
      <p className="text-sm text-stone-700">{t('period', { from: date(p.startsOn), to: date(p.evaluateOn) })}</p>
      {p.evaluatedAt ? (
        <p className="mt-1" data-testid="guidance-evaluation">{t('evaluated', { helped: p.helped ? t('yes') : t('no'), decision: t(`decisions.${p.decision}` as never) })}{p.evaluationNote ? `: ${p.evaluationNote}` : ''}</p>
      ) : (
        staff && (
          <StatusForm action={evaluateGuidancePlanAction} className="mt-2 flex flex-wrap items-end gap-2">
            <input type="hidden" name="planId" value={p.id} />
            <input type="hidden" name="childId" value={childId} />
            <label className="flex flex-col text-sm">{t('helped')}<select name="helped" className={input}><option value="yes">{t('yes')}</option><option value="no">{t('no')}</option></select></label>
            <label className="flex flex-col text-sm">{t('decision')}<select name="decision" className={input}>{(['continue', 'adjust', 'stop'] as const).map((d) => <option key={d} value={d}>{t(`decisions.${d}`)}</option>)}</select></label>
            <label className="flex flex-1 flex-col text-sm">{t('note')}<input name="note" className={input} /></label>
            <button className="min-h-11 rounded-lg border border-stone-400 bg-white px-3">{t('evaluate')}</button>
          </StatusForm>
        )
      )}
    </div>
  );
}

export async function NewGuidancePlanForm({ childId }: { childId: string }) {
  const t = await getTranslations('guidance');
  return (
    <Disclosure summary={t('new')}>
      <StatusForm action={createGuidancePlanAction} className="mt-2 grid gap-2 sm:grid-cols-2">
        <input type="hidden" name="childId" value={childId} />
        <label className="flex flex-col text-sm">{t('subject')}<input name="subject" className={input} /></label>
        <label className="flex flex-col text-sm">{t('parentTask')}<input name="parentTask" className={input} /></label>
        <label className="flex flex-col text-sm">{t('how')}<input name="how" className={input} /></label>
        <label className="flex flex-col text-sm">{t('howOften')}<input name="howOften" className={input} /></label>
        <label className="flex flex-col text-sm">{t('startsOn')}<input type="date" name="startsOn" className={input} /></label>
        <label className="flex flex-col text-sm">{t('evaluateOn')}<input type="date" name="evaluateOn" className={input} /></label>
        <button className="min-h-11 rounded-lg bg-brand-700 px-3 font-medium text-white sm:col-span-2">{t('create')}</button>
      </StatusForm>
    </Disclosure>
  );
}
