import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { fullName, namesList } from '@/lib/format/name';
import { guardianHome } from '@/lib/people/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('home.guardian'))('title') };
}

export default async function GuardianHomePage() {
  const actor = await requireRole('GUARDIAN');
  const t = await getTranslations('home.guardian');
  const tc = await getTranslations('common');
  const { year, children } = await guardianHome(actor);
  return (
    <AppShell actor={actor} path="/ouder">
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-stone-700">
          {t('intro')} {tc('schoolYear', { name: year.name })}
        </p>
      </div>
      {children.length === 0 && <p>{t('noChildren')}</p>}
      <ul className="grid gap-4 sm:grid-cols-2">
        {children.map((child) => {
          const group = child.enrolments[0]?.group;
          const teachers = group?.teachers.map((x) => x.user) ?? [];
          return (
            <li key={child.id}>
              <Card aria-labelledby={`child-${child.id}`}>
                <h2 id={`child-${child.id}`} className="text-xl font-semibold">
                  {fullName(child)}
                </h2>
                {group && (
                  <p className="mt-1 text-stone-700" data-testid="child-group">
                    {t('groupTeacher', { group: group.name, teachers: teachers.length ? namesList(teachers) : tc('noTeacher') })}
                  </p>
                )}
                <Link href={`/kind/${child.id}`} className="mt-3 inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2">
                  {t('open', { name: child.firstName })}
                </Link>
              </Card>
            </li>
          );
        })}
      </ul>
    </AppShell>
  );
}
