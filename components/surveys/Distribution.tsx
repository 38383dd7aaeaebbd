/** A bar chart as a table: readable by screen readers, printable, no chart library needed for bars. */
export function Distribution({ caption, rows }: { caption: string; rows: { label: string; n: number }[] }) {
  const total = rows.reduce((a, r) => a + r.n, 0) || 1;
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row" className="w-28 py-0.5 pr-2 text-left font-normal">{r.label}</th>
            <td className="py-0.5">
              <div className="flex items-center gap-2">
                {/* An SVG bar: its width is an attribute, not an inline style the Content-Security-Policy would block. */}
                <svg className="h-4 flex-1" aria-hidden focusable="false">
                  <rect className="fill-brand-700" rx="4" height="100%" width={`${Math.max(2, (r.n / total) * 100)}%`} />
                </svg>
                <span className="w-24 shrink-0">{r.n} ({Math.round((r.n / total) * 100)}%)</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
