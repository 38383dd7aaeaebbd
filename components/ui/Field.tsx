import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';

type Labelled = { label: string; name: string; hint?: string; error?: string };

const describedBy = (id: string, hint?: string, error?: string) => [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

/** Label, hint and error around one control, the hint and error announced with it (aria-describedby). */
function Frame({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled input. */
export function Field({ label, name, hint, error, id = `f-${name}`, ...input }: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="min-h-11 rounded-lg border border-stone-500 bg-white px-3 py-2 text-base aria-[invalid]:border-red-700"
        {...input}
      />
    </Frame>
  );
}

/** A labelled textarea (five rows unless told otherwise). */
export function TextArea({ label, name, hint, error, id = `f-${name}`, rows = 5, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="rounded-lg border border-stone-500 bg-white px-3 py-2 text-base aria-[invalid]:border-red-700"
        {...rest}
      />
    </Frame>
  );
}

type Option = { value: string; label: string };

/** Radio buttons or checkboxes under a legend, their hint and error announced with the group. */
export function Choice({ legend, name, options, defaultValue, type = 'radio', hint, error, id = `c-${name}` }: {
  legend: string; name: string; options: Option[]; defaultValue?: string | string[]; type?: 'radio' | 'checkbox'; hint?: string; error?: string; id?: string;
}) {
  const checked = new Set([defaultValue ?? []].flat());
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={describedBy(id, hint, error)}>
      <legend className="mb-1 font-medium">{legend}</legend>
      {hint && <p id={`${id}-hint`} className="text-sm text-stone-600">{hint}</p>}
      <div className="flex flex-col sm:flex-row sm:flex-wrap sm:gap-x-6">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-2">
            <input type={type} name={name} value={o.value} defaultChecked={checked.has(o.value)} aria-invalid={error ? true : undefined} className="size-5 accent-brand-700" />
            {o.label}
          </label>
        ))}
      </div>
      {error && <p id={`${id}-error`} className="text-sm font-medium text-red-800">{error}</p>}
    </fieldset>
  );
}
