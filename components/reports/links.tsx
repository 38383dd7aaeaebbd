import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** The parent's four routes from home: absence, leave, a change, a worry or complaint. */
export async function ReportLinks() {
  const t = await getTranslations('reports.hub');
  const links = [
    { href: '/melden/ziek', label: t('absence') },
    { href: '/melden/verlof', label: t('leave') },
    { href: '/melden/wijziging', label: t('change') },
    { href: '/berichten/zorg', label: t('worry') },
  ];
  return (
    <ul className="grid gap-2 sm:grid-cols-2">
      {links.map((l, i) => (
        <li key={l.href}>
          <Link
            href={l.href}
            className={`flex min-h-11 items-center rounded-lg px-4 py-2 font-medium ${i === 0 ? 'bg-brand-700 text-white hover:bg-brand-800' : 'border border-stone-400 bg-white text-stone-900 hover:bg-stone-100'}`}
          >
            {l.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
