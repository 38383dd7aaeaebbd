import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { requireRole } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { fullName } from '@/lib/format/name';
import { orNotFound } from '@/lib/not-found';
import { fileAuditLog } from '@/lib/records/service';

/** The director inspects who at school read or changed this child's file, and when. */
export default async function FileAuditPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole('DIRECTOR');
  const { id } = await params;
  const log = await orNotFound(fileAuditLog(actor, id));
  const people = await prisma.user.findMany({ where: { id: { in: [...new Set(log.map((l) => l.actorId))] } }, select: { id: true, firstName: true, prefix: true, lastName: true } });
  const t = await getTranslations('records');
  const format = await getFormatter();
  return (
    <AppShell actor={actor} path={`/kind/${id}/audit`}>
      <Link href={`/kind/${id}`} className="text-brand-700 underline">{t('backToFile')}</Link>
      <h1 className="text-2xl font-bold">{t('auditTitle')}</h1>
      <table className="w-full text-left">
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="py-2">{t('auditWhen')}</th>
            <th scope="col" className="py-2">{t('auditWho')}</th>
            <th scope="col" className="py-2">{t('auditWhat')}</th>
          </tr>
        </thead>
        <tbody>
          {log.map((l) => {
            const who = people.find((p) => p.id === l.actorId);
            return (
              <tr key={String(l.id)} className="border-b border-stone-100" data-testid="audit-row">
                <td className="py-1">{format.dateTime(l.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                <td className="py-1">{who ? fullName(who) : '–'}</td>
                <td className="py-1">{t(`auditActions.${l.action}` as never)} · {t.has(`auditSubjects.${l.subject.split(' ')[0]}` as never) ? t(`auditSubjects.${l.subject.split(' ')[0]}` as never) : l.subject}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </AppShell>
  );
}
