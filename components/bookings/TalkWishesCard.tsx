import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/Card';
import { StatusForm } from '@/components/ui/StatusForm';
import type { Actor } from '@/lib/auth/actor';
import { fullName } from '@/lib/format/name';
import { roundWishes } from '@/lib/talk-wishes/queries';
import { setTalkWishAction } from '@/lib/talk-wishes/actions';

/** The teacher's group view of the marks per pupil, with a form per pupil where the actor plans the group's talks. */
export async function TalkWishesCard({ actor, roundId }: { actor: Actor; roundId: string }) {
  const { groups } = await roundWishes(actor, roundId);
  if (groups.length === 0) return null;
  const t = await getTranslations('wishes');
  const tc = await getTranslations('common');
  return (
    <Card aria-labelledby="wishes-title">
      <h2 id="wishes-title" className="text-lg font-semibold">{t('title')}</h2>
      <p className="mb-3 text-stone-700">{t('intro')}</p>
      {groups.map((g) => (
        <section key={g.group.id} aria-labelledby={`wishes-${g.group.id}`} className="mb-4">
          <h3 id={`wishes-${g.group.id}`} className="font-medium">{tc('group')} {g.group.name}</h3>
          <p data-testid="requested-not-booked" className={g.requestedNotBooked.length ? 'font-medium text-amber-900' : 'text-stone-700'}>
            {t('requestedNotBooked', { count: g.requestedNotBooked.length })} {g.requestedNotBooked.map((c) => fullName(c)).join(', ')}
          </p>
          <ul className="mt-2 flex flex-col gap-2">
            {g.children.map((c) => (
              <li key={c.id} className="rounded-lg bg-stone-100 p-2" data-testid="wish-row">
                <p>
                  <span className="font-medium">{fullName(c)}</span>
                  {c.wish && <span className="ml-2 rounded bg-amber-100 px-1.5 text-sm text-amber-900">{t(c.wish.kind)}{c.wish.doubleSlot ? ` · ${t('doubleSlot')}` : ''}</span>}
                  <span className="ml-2 text-sm text-stone-700">{c.booked ? t('booked') : t('notBooked')}</span>
                </p>
                {g.canMark && (
                  <StatusForm action={setTalkWishAction} className="mt-1 flex flex-wrap items-end gap-2" success={t('saved')}>
                    <input type="hidden" name="roundId" value={roundId} />
                    <input type="hidden" name="childId" value={c.id} />
                    <label className="flex flex-col text-sm">
                      <span className="sr-only">{fullName(c)}</span>
                      <select name="kind" defaultValue={c.wish?.kind ?? 'NONE'} className="min-h-11 rounded border border-stone-400 bg-white px-2">
                        {(['NONE', 'REQUESTED', 'NOT_NEEDED'] as const).map((k) => <option key={k} value={k}>{t(k)}</option>)}
                      </select>
                    </label>
                    <label className="flex min-h-11 items-center gap-2 text-sm">
                      <input type="checkbox" name="doubleSlot" defaultChecked={c.wish?.doubleSlot} className="size-5" />
                      {t('doubleSlot')}
                    </label>
                    <label className="flex flex-col text-sm">
                      {t('note')}
                      <input name="note" defaultValue={c.wish?.note ?? ''} maxLength={300} className="min-h-11 rounded border border-stone-400 bg-white px-2" />
                    </label>
                    <button className="min-h-11 rounded-lg border border-stone-400 bg-white px-3">{t('save')}</button>
                  </StatusForm>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Card>
  );
}
