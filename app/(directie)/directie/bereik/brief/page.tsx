import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { PrintButton } from '@/components/ui/PrintButton';
import { requireRole } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { translatorFor } from '@/lib/i18n/translator';
import { applyFilter, reachView } from '@/lib/reach/families';
import { parseReachFilter, reachQuery, type ReachSearch } from '../filter';

export async function generateMetadata() {
  return { title: (await getTranslations('reach'))('letter.pageTitle') };
}

/**
 * One paper letter per family the portal does not reach at all (never signed in, or mail bounces),
 * within the overview's filter, in the family's language. The portal knows no postal address, so
 * the letter goes home with the child: "to the parents of …".
 */
export default async function ReachLettersPage({ searchParams }: { searchParams: Promise<ReachSearch> }) {
  const actor = await requireRole('DIRECTOR');
  const filter = parseReachFilter(await searchParams);
  const [view, school, t] = await Promise.all([reachView(actor), prisma.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { name: true } }), getTranslations('reach')]);
  const families = applyFilter(view.families, filter).filter((f) => f.notReachedAtAll);
  const url = `${process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`}/inloggen`;
  const letters = await Promise.all(
    families.map(async (f) => {
      const lt = await translatorFor(f.guardians[0]?.locale, 'reach.letter');
      return { id: f.householdId, lt, children: f.children.map((c) => `${c.firstName} ${[c.prefix, c.lastName].filter(Boolean).join(' ')} (${c.groupName})`).join(', ') };
    }),
  );
  const query = reachQuery(filter);
  return (
    <AppShell actor={actor} path="/directie/bereik">
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <h1 className="text-2xl font-bold">{t('letter.pageTitle')}</h1>
        <p className="text-stone-700">{t('letter.count', { count: letters.length })}</p>
        {letters.length > 0 && <PrintButton label={t('letter.print')} />}
        <Link href={`/directie/bereik${query ? `?${query}` : ''}`} className="text-brand-700 underline">{t('letter.back')}</Link>
      </div>
      {letters.length === 0 && <p>{t('letter.none')}</p>}
      {letters.map(({ id, lt, children }) => (
        <article key={id} className="flex flex-col gap-3 rounded-xl border border-stone-200 bg-white p-6 break-after-page print:rounded-none print:border-0 print:p-0">
          <p className="font-semibold">{school.name}</p>
          <p>{lt('to', { children })}</p>
          <p>{lt('salutation')}</p>
          <p>{lt('p1', { school: school.name })}</p>
          <p className="font-semibold">{lt('how')}</p>
          <ol className="list-decimal pl-6">
            <li>{lt('step1', { url })}</li>
            <li>{lt('step2')}</li>
            <li>{lt('step3')}</li>
          </ol>
          <p>{lt('closing')}</p>
          <p>{lt('signature', { school: school.name })}</p>
        </article>
      ))}
    </AppShell>
  );
}
