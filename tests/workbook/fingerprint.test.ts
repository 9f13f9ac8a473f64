import { createHash } from 'crypto';
import { canonicalCell, canonicalTable, fingerprintRegister, fingerprintTable, sha256Hex } from '../../src/workbook/fingerprint';
import { sampleRaw } from '../support/auditor-pack-fixture';

const nodeSha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('canonical form', () => {
  it('turns cells into their stored values', () => {
    expect(canonicalCell(null)).toBeNull();
    expect(canonicalCell(undefined)).toBeNull();
    expect(canonicalCell('')).toBeNull();
    expect(canonicalCell(' a ')).toBe(' a ');
    expect(canonicalCell(0.1 + 0.2)).toBe(0.30000000000000004);
    expect(canonicalCell(true)).toBe(true);
    expect(canonicalCell(new Date('2026-06-30T00:00:00Z'))).toBe(46203);
    expect(canonicalCell(new Date('2026-06-30T12:00:00Z'))).toBe(46203.5);
    expect(canonicalCell({ error: '#N/A' })).toBe('#N/A');
  });

  it('is one JSON line per row, header first, padded to the header width, trailing blank rows dropped', () => {
    const table = {
      values: [
        ['ID', 'Held on', 'Minutes link'],
        ['REV-1', new Date('2026-06-30T00:00:00Z')],
        [null, null, null],
        ['REV-2', 46204, 'x', 'beyond the header'],
        [null, '', undefined],
      ],
    };
    expect(canonicalTable(table)).toBe(
      ['["ID","Held on","Minutes link"]', '["REV-1",46203,null]', '[null,null,null]', '["REV-2",46204,"x"]'].join('\n'),
    );
  });
});

describe('fingerprints', () => {
  it('is the SHA-256 of the canonical text (checked against Node’s own hash)', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const table = { values: [['Key', 'Value'], ['Organisation', 'Ünïcødé Ltd']] };
    const fp = await fingerprintTable('Settings', table);
    expect(fp).toEqual({ table: 'Settings', rows: 1, sha256: nodeSha('["Key","Value"]\n["Organisation","Ünïcødé Ltd"]') });
  });

  it('is the same whether a host hands dates over as Dates or as serials', async () => {
    const asDate = { values: [['ID', 'Held on'], ['REV-1', new Date('2026-06-30T00:00:00Z')]] };
    const asSerial = { values: [['ID', 'Held on'], ['REV-1', 46203]] };
    expect((await fingerprintTable('Reviews', asDate)).sha256).toBe((await fingerprintTable('Reviews', asSerial)).sha256);
  });

  it('changes when any cell changes, and when rows move', async () => {
    const base = await fingerprintTable('Reviews', { values: [['ID', 'Forum'], ['REV-1', 'a'], ['REV-2', 'b']] });
    const edited = await fingerprintTable('Reviews', { values: [['ID', 'Forum'], ['REV-1', 'a'], ['REV-2', 'c']] });
    const moved = await fingerprintTable('Reviews', { values: [['ID', 'Forum'], ['REV-2', 'b'], ['REV-1', 'a']] });
    const typed = await fingerprintTable('Reviews', { values: [['ID', 'Forum'], ['REV-1', 'a'], ['REV-2', true]] });
    expect(new Set([base.sha256, edited.sha256, moved.sha256, typed.sha256]).size).toBe(4);
  });

  it('covers every register table present, Settings included, with a whole-register hash over them', async () => {
    const raw = sampleRaw();
    const fp = await fingerprintRegister(raw);
    expect(fp.tables.map((t) => t.table)).toEqual([
      'Accountabilities',
      'Reviews',
      'Decisions',
      'Resources',
      'Communications',
      'Escalations',
      'Settings',
    ]);
    expect(fp.tables.find((t) => t.table === 'Reviews')?.rows).toBe(3);
    expect(fp.register).toBe(nodeSha(fp.tables.map((t) => `${t.table}\t${t.sha256}`).join('\n')));
    const { Escalations: _dropped, ...fewer } = raw;
    expect((await fingerprintRegister(fewer)).tables.map((t) => t.table)).not.toContain('Escalations');
  });
});
