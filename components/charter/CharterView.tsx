import { getTranslations } from 'next-intl/server';

type Section = { id: string; title: string; parentsMayExpect: string[]; schoolMayExpect: string[] };

/** A charter version, readable on a phone: per criterion, both directions side by side on wider screens. */
export async function CharterView({ intro, sections }: { intro: string; sections: Section[] }) {
  const t = await getTranslations('charter');
  return (
    <div className="flex flex-col gap-4">
      {intro && <p>{intro}</p>}
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`s-${s.id}`} className="rounded-xl border border-stone-200 bg-white p-4">
          <h2 id={`s-${s.id}`} className="mb-2 text-lg font-semibold">{s.title}</h2>
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <h3 className="font-medium text-brand-800">{t('parentsMayExpect')}</h3>
              <ul className="mt-1 list-inside list-disc">{s.parentsMayExpect.map((i) => <li key={i}>{i}</li>)}</ul>
            </div>
            <div>
              <h3 className="font-medium text-brand-800">{t('schoolMayExpect')}</h3>
              <ul className="mt-1 list-inside list-disc">{s.schoolMayExpect.map((i) => <li key={i}>{i}</li>)}</ul>
            </div>
          </div>
        </section>
      ))}
    </div>
  );
}
