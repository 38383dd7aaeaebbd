import Papa from 'papaparse';

// CSV as Dutch pupil administrations and Excel write it: `;` (Excel with Dutch regional settings) or `,`,
// often with a UTF-8 BOM, sometimes Windows-1252. Header names are matched case-insensitively and without
// spaces or hyphens, so "Leerlingnummer", "leerlingnummer" and "Ouder E-mail" / "ouder_email" all match.

export type CsvRow = {
  /** The row number the director sees in Excel: the header is row 1, the first data row is row 2. */
  row: number;
  values: Record<string, string>;
};

export type CsvTable = { delimiter: ';' | ','; headers: string[]; rows: CsvRow[] };

/** "Ouder E-mail " → "ouder_email"; "Geboorte datum" → "geboorte_datum". */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s]+/g, '_')
    .replace(/[^a-z0-9_]/g, '');
}

/** `;` unless the header line has more commas than semicolons (quoted parts ignored). */
export function detectDelimiter(text: string): ';' | ',' {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const semis = (firstLine.match(/;/g) ?? []).length;
  const commas = (firstLine.match(/,/g) ?? []).length;
  return commas > semis ? ',' : ';';
}

export function parseCsv(input: string): CsvTable {
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  // No skipEmptyLines: every record keeps its position, so row numbers match Excel's.
  const result = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const records = result.data;
  const headers = (records[0] ?? []).map(normaliseHeader);
  const rows: CsvRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const cells = records[i];
    if (!cells || cells.every((c) => (c ?? '').trim() === '')) continue; // empty line (or the final newline)
    const values: Record<string, string> = {};
    headers.forEach((h, j) => {
      if (h && !(h in values && values[h] !== '')) values[h] = (cells[j] ?? '').trim();
    });
    rows.push({ row: i + 1, values });
  }
  return { delimiter, headers, rows };
}

/** Decode an uploaded file: UTF-8 when valid, else Windows-1252 (older Excel "CSV (gescheiden door lijstscheidingsteken)"). */
export function decodeCsvBytes(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(view).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(view);
  }
}

/**
 * A text cell that Excel or LibreOffice would read as a formula (or DDE call) when the file is opened:
 * it starts with `=`, `+`, `-` or `@`, or with a tab or carriage return (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Write rows as `;`-separated CSV (what Dutch Excel opens directly), quoting where needed.
 * Text cells come from people (a parent's open answer, a question a director typed), so one that
 * would start a formula gets a leading `'`: Excel then shows it as text instead of running it.
 * Numbers are written as they are, so a count or a negative figure stays a number.
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cell = (v: string | number | null | undefined) => {
    const s = v == null ? '' : typeof v === 'number' ? String(v) : FORMULA_START.test(v) ? `'${v}` : v;
    return /[;",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [headers, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}
