import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';

describe('parseCsv', () => {
  it('reads a Dutch Excel export: BOM, semicolons, header case and spaces, Excel row numbers', () => {
    const text = '\uFEFFLeerlingnummer;Voornaam;Tussenvoegsel;Achternaam\r\n1001;Daan;van der;Berg\r\n\r\n1002;Eva;;Jansen\r\n';
    const { headers, rows } = parseCsv(text);
    expect(headers).toEqual(['leerlingnummer', 'voornaam', 'tussenvoegsel', 'achternaam']);
    expect(rows).toEqual([
      { row: 2, values: { leerlingnummer: '1001', voornaam: 'Daan', tussenvoegsel: 'van der', achternaam: 'Berg' } },
      { row: 4, values: { leerlingnummer: '1002', voornaam: 'Eva', tussenvoegsel: '', achternaam: 'Jansen' } },
    ]);
  });

  it('reads commas and quoted fields, and writes back what it reads', () => {
    const text = toCsv(['voornaam', 'achternaam'], [['Zoë', 'Öztürk; "de" Vries']]);
    expect(parseCsv(text).rows[0].values).toEqual({ voornaam: 'Zoë', achternaam: 'Öztürk; "de" Vries' });
    expect(parseCsv('voornaam,achternaam\nAli,Yilmaz').rows[0].values.achternaam).toBe('Yilmaz');
  });
});
