import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/Button';
import { Disclosure } from '@/components/ui/Disclosure';
import { StatusForm } from '@/components/ui/StatusForm';
import { endGuardianshipAction } from '@/lib/team/actions';
import { END_REASONS } from '@/lib/team/schemas';

/** The director ends one guardian's access to this child, with a reason for the log. */
export async function EndGuardianshipForm({ childId, guardianshipId, name }: { childId: string; guardianshipId: string; name: string }) {
  const t = await getTranslations('team');
  const id = `end-${guardianshipId}`;
  return (
    <Disclosure summary={t('endFor', { name })}>
      <StatusForm action={endGuardianshipAction} className="mt-2 flex flex-col gap-3" success={t('endDone')}>
        <p className="text-sm text-stone-700">{t('endIntro')}</p>
        <input type="hidden" name="guardianshipId" value={guardianshipId} />
        <input type="hidden" name="childId" value={childId} />
        <fieldset className="flex flex-col gap-1">
          <legend className="font-medium">{t('reason')}</legend>
          {END_REASONS.map((r) => (
            <label key={r} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="reason" value={r} className="size-5" required />
              {t(`reasons.${r}`)}
            </label>
          ))}
        </fieldset>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-note`} className="font-medium">{t('note')}</label>
          <p id={`${id}-hint`} className="text-sm text-stone-600">{t('noteHint')}</p>
          <textarea id={`${id}-note`} name="note" aria-describedby={`${id}-hint`} maxLength={500} rows={2} className="rounded-lg border border-stone-500 bg-white px-3 py-2" />
        </div>
        <Button type="submit">{t('endConfirm')}</Button>
      </StatusForm>
    </Disclosure>
  );
}
