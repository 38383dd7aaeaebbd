'use client';
import Link from 'next/link';
import { Button } from './Button';

export type UnavailableText = { title: string; body: string; saved: string; retry: string; home: string };

/**
 * What a page shows when it could not be made, almost always because the database is briefly away.
 * In production the browser only gets a digest of the error, so the text cannot be more specific;
 * it says what to do and that saved work is safe.
 */
export function Unavailable({ text, onRetry }: { text: UnavailableText; onRetry: () => void }) {
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-10">
      <h1 className="text-2xl font-bold">{text.title}</h1>
      <p role="alert">{text.body}</p>
      <p>{text.saved}</p>
      <div className="flex flex-wrap items-center gap-4">
        <Button onClick={onRetry}>{text.retry}</Button>
        <Link href="/" className="text-brand-700 underline">
          {text.home}
        </Link>
      </div>
    </main>
  );
}
