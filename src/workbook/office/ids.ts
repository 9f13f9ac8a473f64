/** Row IDs (`PREFIX-n`): the next free one, and duplicate detection. Pure. */

/** The next free `PREFIX-n`: one more than the highest n in use (case-insensitive, trimmed). */
export function nextFreeId(prefix: string, ids: readonly unknown[]): string {
  const pattern = new RegExp(`^${prefix}-(\\d+)$`, 'i');
  let max = 0;
  for (const id of ids) {
    const m = pattern.exec(String(id ?? '').trim());
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}-${max + 1}`;
}

export function sameId(a: unknown, b: unknown): boolean {
  return String(a ?? '').trim().toUpperCase() === String(b ?? '').trim().toUpperCase();
}

export function countId(ids: readonly unknown[], id: string): number {
  return ids.filter((x) => sameId(x, id)).length;
}

export function indexOfId(ids: readonly unknown[], id: string): number {
  return ids.findIndex((x) => sameId(x, id));
}
