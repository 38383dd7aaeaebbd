/** A collapsed panel for a form used now and then: the page stays short on a phone, the form one tap away. */
export function Disclosure({ summary, children }: { summary: string; children: React.ReactNode }) {
  return (
    <details className="rounded-xl border border-stone-200 bg-white p-3">
      <summary className="min-h-11 cursor-pointer content-center font-medium">{summary}</summary>
      {children}
    </details>
  );
}
