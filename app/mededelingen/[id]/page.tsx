import { getFormatter, getTranslations } from 'next-intl/server';
import { AnnouncementBody } from '@/components/announcements/AnnouncementBody';
import { ConfirmReadButton } from '@/components/announcements/ConfirmReadButton';
import { RemindButton } from '@/components/announcements/RemindButton';
import { AppShell } from '@/components/layout/AppShell';
import { Card } from '@/components/ui/Card';
import { isStaff } from '@/lib/access/roles';
import { confirmationByGroup } from '@/lib/announcements/queries';
import { openAnnouncement } from '@/lib/announcements/service';
import { requireRole } from '@/lib/auth/actor';
import { fullName } from '@/lib/format/name';
import { orNotFound } from '@/lib/not-found';

const kb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

export default async function AnnouncementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireRole();
  // Opening it is what counts as read for a guardian (the sender's view shows it).
  const a = await orNotFound(openAnnouncement(actor, id));
  const t = await getTranslations('announcements');
  const format = await getFormatter();
  const staff = isStaff(actor);
  const stats = staff ? await confirmationByGroup(actor, a.id) : null;
  return (
    <AppShell actor={actor} path={`/mededelingen/${a.id}`}>
      <article className="flex flex-col gap-4" aria-labelledby="announcement-title">
        <Card>
          <p className="flex flex-wrap gap-2 text-sm text-stone-700">
            {a.urgent && <span className="rounded bg-red-100 px-2 font-semibold text-red-900">{t('urgent')}</span>}
            <span>{t(`kinds.${a.kind}`)}</span>
            <span>· {a.wholeSchool ? t('wholeSchool') : t('groups', { names: a.groups.map((g) => g.group.name).join(', ') })}</span>
          </p>
          <h1 id="announcement-title" className="mt-1 text-2xl font-bold break-words">
            {a.title}
          </h1>
          <p className="mb-4 text-sm text-stone-700">{t('byline', { author: fullName(a.author), date: format.dateTime(a.publishedAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
          <AnnouncementBody text={a.body} />
          {a.attachments.length > 0 && (
            <section aria-labelledby="attachments-title" className="mt-4">
              <h2 id="attachments-title" className="mb-1 font-semibold">
                {t('attachments')}
              </h2>
              <ul className="flex flex-col">
                {a.attachments.map((f) => (
                  <li key={f.id}>
                    <a href={`/api/announcements/${a.id}/attachments/${f.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2 break-all">
                      {t('attachment', { name: f.fileName, type: t(`types.${f.mimeType.replace('/', '_')}`), kb: kb(f.size) })}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </Card>
        {a.mayConfirm && (
          <Card aria-labelledby="confirm-title">
            <h2 id="confirm-title" className="mb-2 text-lg font-semibold">
              {t('confirmTitle')}
            </h2>
            {a.read?.confirmedAt ? (
              <p role="status" className="font-medium text-green-800">
                {t('confirmedAt', { date: format.dateTime(a.read.confirmedAt, { dateStyle: 'long', timeStyle: 'short' }) })}
              </p>
            ) : (
              <>
                <p className="mb-3 text-stone-700">{t('confirmIntro')}</p>
                <ConfirmReadButton announcementId={a.id} />
              </>
            )}
          </Card>
        )}
        {stats && (
          <Card aria-labelledby="families-title">
            <h2 id="families-title" className="mb-2 text-lg font-semibold">
              {a.confirmRead ? t('sender.confirmTitle') : t('sender.readTitle')}
            </h2>
            <p className="mb-3 text-stone-700" data-testid="families-total">
              {a.confirmRead ? t('sender.totalConfirmed', { confirmed: stats.confirmed, read: stats.read, total: stats.total }) : t('sender.totalRead', { read: stats.read, total: stats.total })}
            </p>
            {stats.groups.length > 0 && (
              <div className="overflow-x-auto">
                <table className="w-full text-left" data-testid="families-per-group">
                  <caption className="sr-only">{t('sender.caption')}</caption>
                  <thead>
                    <tr className="border-b border-stone-300">
                      <th scope="col" className="py-2 pr-3">{t('sender.group')}</th>
                      <th scope="col" className="py-2 pr-3">{t('sender.read')}</th>
                      {a.confirmRead && <th scope="col" className="py-2 pr-3">{t('sender.confirmed')}</th>}
                      {a.confirmRead && <th scope="col" className="py-2">{t('sender.notConfirmed')}</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {stats.groups.map((g) => (
                      <tr key={g.id} className="border-b border-stone-100 align-top">
                        <th scope="row" className="py-2 pr-3 font-medium">{g.name}</th>
                        <td className="py-2 pr-3">{t('sender.ofTotal', { n: g.read, total: g.total })}</td>
                        {a.confirmRead && <td className="py-2 pr-3">{t('sender.ofTotal', { n: g.confirmed, total: g.total })}</td>}
                        {a.confirmRead && (
                          <td className="py-2">
                            {g.notConfirmed.length === 0 ? (
                              t('sender.everyone')
                            ) : (
                              <details>
                                <summary className="min-h-11 cursor-pointer py-2">{t('sender.showNames', { count: g.notConfirmed.length })}</summary>
                                <ul className="flex flex-col gap-1 text-sm">
                                  {g.notConfirmed.map((h, i) => (
                                    <li key={i}>{t('sender.household', { guardians: h.guardians.join(', '), children: h.children.join(', ') })}</li>
                                  ))}
                                </ul>
                              </details>
                            )}
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {a.mayRemind && (
              <div className="mt-4 flex flex-col gap-2">
                {a.remindedAt && <p className="text-stone-700">{t('remindedAt', { date: format.dateTime(a.remindedAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>}
                <RemindButton announcementId={a.id} />
              </div>
            )}
          </Card>
        )}
      </article>
    </AppShell>
  );
}
