'use client';

import { useTranslations } from 'next-intl';
import { useOptimistic, useState } from 'react';
import type { ErrorCode } from '@/lib/errors';
import { attendanceFormAction } from '@/lib/meetings/actions';

/**
 * One household's tick in the register: a large toggle button (aria-pressed) that saves at once. It is
 * a form, so it works by keyboard and before scripts load; the page re-renders with the saved state.
 */
export function AttendanceToggle({ meetingId, householdId, present, describedBy }: { meetingId: string; householdId: string; present: boolean; describedBy: string }) {
  const t = useTranslations('meetings');
  const te = useTranslations('errors');
  const [error, setError] = useState<ErrorCode | 'UNEXPECTED' | null>(null);
  // Shown at once on the tap; the saved state arrives with the page's refresh in the same transition.
  const [shown, setShown] = useOptimistic(present);
  return (
    <form
      action={async (form) => {
        setShown(!present);
        const result = await attendanceFormAction(null, form);
        setError(result.ok ? null : result.error);
      }}
    >
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="present" value={present ? 'false' : 'true'} />
      <button
        type="submit"
        aria-pressed={shown}
        aria-describedby={describedBy}
        className={`inline-flex min-h-14 min-w-36 items-center justify-center gap-2 rounded-lg border-2 px-4 py-2 text-lg font-semibold focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-700 ${shown ? 'border-green-800 bg-green-700 text-white' : 'border-stone-500 bg-white text-stone-900'}`}
      >
        <span aria-hidden="true" className="inline-flex size-6 items-center justify-center rounded border-2 border-current">
          {shown ? '✓' : ''}
        </span>
        {t('sheet.present')}
      </button>
      <span className="sr-only" aria-live="polite">
        {shown ? t('sheet.isPresent') : t('sheet.isAbsent')}
      </span>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {te(error)}
        </p>
      )}
    </form>
  );
}
