/** @jest-environment jsdom */
import '../support/dom-shims';
import { downloadDelivery, packFileName, toBase64 } from '../../src/taskpane/delivery';

describe('delivering the pack', () => {
  test('base64 matches Node for small and large (chunked) inputs', () => {
    for (const size of [0, 1, 2, 3, 100, 70_000]) {
      const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 31) % 256);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  test('download saves a named .xlsx through an object URL', async () => {
    const created: Blob[] = [];
    const clicks: { href: string; download: string }[] = [];
    Object.assign(URL, {
      createObjectURL: (b: Blob) => {
        created.push(b);
        return 'blob:pack';
      },
      revokeObjectURL: () => undefined,
    });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });
    await expect(downloadDelivery.deliver(new Uint8Array([1, 2, 3]), packFileName('2026-06-30'))).resolves.toBe('downloaded');
    expect(clicks).toEqual([{ href: 'blob:pack', download: 'Clause 5.1 auditor pack 2026-06-30.xlsx' }]);
    expect(created[0].type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(created[0].size).toBe(3);
    click.mockRestore();
  });
});
