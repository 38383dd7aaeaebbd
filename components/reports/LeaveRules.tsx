import { getTranslations } from 'next-intl/server';

/** What the Leerplichtwet says about leave, as help: the director decides. */
export async function LeaveRules() {
  const t = await getTranslations('reports.leave');
  return (
    <section aria-labelledby="leave-rules" className="rounded-lg border border-sky-300 bg-sky-50 px-4 py-3 text-sky-950">
      <h2 id="leave-rules" className="font-medium">{t('intro')}</h2>
      <ul className="mt-1 list-inside list-disc">
        <li>{t('ruleFirstWeeks')}</li>
        <li>{t('ruleHolidayMax')}</li>
        <li>{t('ruleSpecial')}</li>
      </ul>
      <p className="mt-1 text-sm">{t('ruleAsHelp')}</p>
    </section>
  );
}
