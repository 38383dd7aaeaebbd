'use client';

import { useTranslations } from 'next-intl';
import { StatusForm } from '@/components/ui/StatusForm';
import { savePreparationAction } from '@/lib/records/actions';

const area = 'rounded-lg border border-stone-500 bg-white p-2';

/** One textarea per agenda topic, then (from the stage's grade) the child's own questions. */
export function PreparationForm({ childId, roundId, childName, topics, childQuestions }: {
  childId: string; roundId: string; childName: string;
  topics: { topic: string; value: string }[];
  childQuestions: { question: string; value: string }[];
}) {
  const t = useTranslations('prepare');
  return (
    <StatusForm action={savePreparationAction} success={t('saved')} className="flex flex-col gap-4">
      <input type="hidden" name="childId" value={childId} />
      <input type="hidden" name="roundId" value={roundId} />
      <fieldset className="flex flex-col gap-3 rounded-xl border border-stone-200 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">{t('parentsPart')}</legend>
        {topics.map(({ topic, value }, i) => (
          <label key={topic} className="flex flex-col gap-1">
            <span className="font-medium">{topic}</span>
            <textarea name={`answer:${i}`} rows={3} defaultValue={value} maxLength={2000} className={area} />
          </label>
        ))}
      </fieldset>
      {childQuestions.length > 0 && (
        <fieldset className="flex flex-col gap-3 rounded-xl border border-stone-200 bg-white p-4">
          <legend className="px-1 text-lg font-semibold">{t('childPart', { name: childName })}</legend>
          <p className="text-sm text-stone-700">{t('childIntro', { name: childName })}</p>
          {childQuestions.map(({ question, value }, i) => (
            <label key={question} className="flex flex-col gap-1">
              <span className="font-medium">{question}</span>
              <textarea name={`child:${i}`} rows={2} defaultValue={value} maxLength={2000} className={area} />
            </label>
          ))}
        </fieldset>
      )}
      <button className="min-h-11 self-start rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">{t('save')}</button>
    </StatusForm>
  );
}
