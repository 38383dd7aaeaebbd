'use client';

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="min-h-11 rounded-lg border border-stone-400 bg-white px-4 print:hidden">
      {label}
    </button>
  );
}
