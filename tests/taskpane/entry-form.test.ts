import { parseRegister } from '../../src/domain/register';
import { tableSpec, TABLES } from '../../src/domain/schema';
import { emptyForm, filterSuggestions, formColumns, inputKind, personSuggestions, refSuggestions } from '../../src/taskpane/entry-form';
import { priyaRegister } from './register-fixture';

describe('the Add entry form follows the schema', () => {
  test('every column but the ID gets an input of its kind', () => {
    for (const t of TABLES) {
      const cols = formColumns(t.name);
      expect(cols.map((c) => c.key)).toEqual(t.columns.filter((c) => c.kind !== 'id').map((c) => c.key));
    }
    const byKey = (table: 'Accountabilities' | 'Decisions', key: string) => inputKind(tableSpec(table).columns.find((c) => c.key === key)!);
    expect(byKey('Accountabilities', 'acceptedOn')).toBe('date');
    expect(byKey('Accountabilities', 'topManagement')).toBe('switch');
    expect(byKey('Accountabilities', 'documentedIn')).toBe('choice');
    expect(byKey('Accountabilities', 'person')).toBe('person');
    expect(byKey('Accountabilities', 'responsibilities')).toBe('longText');
    expect(byKey('Accountabilities', 'role')).toBe('text');
    expect(byKey('Accountabilities', 'documentLink')).toBe('link');
    expect(byKey('Decisions', 'source')).toBe('ref');
  });

  test('an empty form holds No for switches and blank elsewhere', () => {
    const f = emptyForm('Accountabilities');
    expect(f.topManagement).toBe('No');
    expect(f.person).toBe('');
    expect('id' in f).toBe(false);
  });

  test('suggestions: unique names from Accountabilities; IDs of the allowed tables', () => {
    const reg = parseRegister(priyaRegister());
    expect(personSuggestions(reg)).toEqual(['Dana Okafor', 'Lee Marsh']);
    const escDecision = tableSpec('Escalations').columns.find((c) => c.key === 'decision')!;
    expect(refSuggestions(escDecision, reg)).toEqual(['DEC-1', 'DEC-2']);
    const source = tableSpec('Decisions').columns.find((c) => c.key === 'source')!;
    expect(refSuggestions(source, reg)).toEqual(expect.arrayContaining(['ACC-1', 'REV-3', 'DEC-2', 'COM-1', 'ESC-1']));
    expect(personSuggestions(null)).toEqual([]);
  });

  test('suggestions filter by what was typed', () => {
    expect(filterSuggestions(['REV-1', 'REV-2', 'DEC-1'], 'rev')).toEqual(['REV-1', 'REV-2']);
    expect(filterSuggestions(['a', 'b'], '  ')).toEqual(['a', 'b']);
    expect(filterSuggestions(Array.from({ length: 80 }, (_, i) => `X-${i}`), '')).toHaveLength(50);
  });
});
