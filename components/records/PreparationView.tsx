import { getTranslations } from 'next-intl/server';
import { isLegacyChildQuestion } from '@/lib/records/agenda';

/** A family's preparation as the teacher (day view, record editor) and the file read it. */
export async function PreparationView({ answers, childAnswers }: { answers: unknown; childAnswers: unknown }) {
  const t = await getTranslations('prepare');
  const tl = await getTranslations('timeline');
  const parents = Object.entries((answers ?? {}) as Record<string, string>).filter(([, v]) => v);
  // Stored under the question's wording; answers saved before the stage worded its questions carry a key.
  const child = Object.entries((childAnswers ?? {}) as Record<string, string>).filter(([, v]) => v);
  return (
    <div className="flex flex-col gap-1 text-sm">
      <dl>
        {parents.map(([topic, text]) => (
          <div key={topic} className="mb-1"><dt className="font-medium">{topic}</dt><dd className="whitespace-pre-line">{text}</dd></div>
        ))}
      </dl>
      {child.length > 0 && (
        <>
          <p className="font-semibold">{tl('childAnswers')}</p>
          <dl>
            {child.map(([key, text]) => (
              <div key={key} className="mb-1"><dt className="font-medium">{isLegacyChildQuestion(key) ? t(`child.${key}`) : key}</dt><dd className="whitespace-pre-line">{text}</dd></div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}
