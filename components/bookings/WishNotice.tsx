import { useTranslations } from 'next-intl';

type Wish = { kind: 'REQUESTED' | 'NOT_NEEDED'; doubleSlot: boolean; note: string | null } | null;

/** What the teacher marked for this child in the round, as the family reads it (home card and booking page). */
export function WishNotice({ wish }: { wish: Wish }) {
  const t = useTranslations('wishes');
  if (!wish) return null;
  const requested = wish.kind === 'REQUESTED';
  return (
    <div data-testid="talk-wish" className={requested ? 'mt-1 rounded border-l-4 border-amber-600 bg-amber-50 px-2 py-1' : 'mt-1 text-stone-700'}>
      <p className={requested ? 'font-medium text-amber-950' : ''}>{requested ? t('parentRequested') : t('parentNotNeeded')}</p>
      {requested && wish.doubleSlot && <p className="text-sm">{t('parentDouble')}</p>}
      {wish.note && <p className="text-sm">{t('parentNote', { note: wish.note })}</p>}
    </div>
  );
}
