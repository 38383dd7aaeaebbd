import { getTranslations } from 'next-intl/server';

type Step = 'TEACHER' | 'DIRECTOR' | 'FORMAL';
const STEPS: Step[] = ['TEACHER', 'DIRECTOR', 'FORMAL'];

/** The guided route, with the current step marked in words (aria-current="step"). */
export async function ComplaintSteps({ current }: { current?: Step | null }) {
  const t = await getTranslations('threads.complaint');
  return (
    <ol aria-label={t('stepsLabel')} className="flex flex-col gap-2">
      {STEPS.map((s, i) => (
        <li key={s} aria-current={current === s ? 'step' : undefined} className="rounded-lg border border-stone-200 p-3 aria-[current=step]:border-brand-700 aria-[current=step]:bg-brand-50">
          <p className="font-semibold">
            {i + 1}. {t(`stepNames.${s}`)}
            {current === s && <> – {t('currentStep', { step: t(`stepNames.${s}`) })}</>}
          </p>
          <p className="text-stone-700">{t(s === 'TEACHER' ? 'step1' : s === 'DIRECTOR' ? 'step2' : 'step3')}</p>
        </li>
      ))}
    </ol>
  );
}

/** The confidential counsellor and the procedure link, shown at every step. */
export async function Counsellor({ school }: { school: { counsellorName: string | null; counsellorContact: string | null; complaintProcedureUrl: string | null } }) {
  const t = await getTranslations('threads.complaint');
  return (
    <aside aria-labelledby="counsellor-title" className="rounded-xl border border-sky-300 bg-sky-50 p-4" data-testid="counsellor">
      <h2 id="counsellor-title" className="font-semibold">{t('counsellorTitle')}</h2>
      <p>{school.counsellorName ? t('counsellorText', { name: school.counsellorName, contact: school.counsellorContact ?? '' }) : t('counsellorUnknown')}</p>
      {school.complaintProcedureUrl ? (
        <a href={school.complaintProcedureUrl} rel="noopener noreferrer" target="_blank" className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t('procedureLink')}
        </a>
      ) : (
        <p>{t('procedureUnknown')}</p>
      )}
    </aside>
  );
}
