import clsx from 'clsx';
import type { HTMLAttributes } from 'react';

export function Card({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return <section className={clsx('rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:p-6', className)} {...props} />;
}
