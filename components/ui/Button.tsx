import clsx from 'clsx';
import type { ButtonHTMLAttributes } from 'react';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'link' };

const styles = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 disabled:bg-stone-400',
  secondary: 'border border-stone-400 bg-white text-stone-900 hover:bg-stone-100',
  link: 'text-brand-700 underline underline-offset-2 hover:text-brand-900 px-0 py-0 min-h-0',
};

/** 44 px minimum touch target (WCAG 2.5.8 asks 24; phones want more). */
export function Button({ variant = 'primary', className, ...props }: Props) {
  return (
    <button
      className={clsx('inline-flex min-h-11 items-center justify-center rounded-lg px-4 py-2 text-base font-medium disabled:cursor-not-allowed', styles[variant], className)}
      {...props}
    />
  );
}
