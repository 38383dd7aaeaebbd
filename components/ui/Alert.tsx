import clsx from 'clsx';

/** Status text that screen readers announce when it appears. */
export function Alert({ tone = 'info', children }: { tone?: 'info' | 'error' | 'success'; children: React.ReactNode }) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={clsx(
        'rounded-lg border px-4 py-3',
        tone === 'error' && 'border-red-300 bg-red-50 text-red-900',
        tone === 'success' && 'border-green-300 bg-green-50 text-green-900',
        tone === 'info' && 'border-sky-300 bg-sky-50 text-sky-950',
      )}
    >
      {children}
    </div>
  );
}
