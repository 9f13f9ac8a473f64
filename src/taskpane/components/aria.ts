/**
 * Fluent's Dropdown and Combobox leave `aria-activedescendant` pointing at an option that no
 * longer exists once their list closes; axe rates that critical (aria-valid-attr-value), and a
 * screen reader may announce nothing. Dropping the dangling reference after close fixes both.
 */
export function dropDanglingActiveDescendants(doc: Document = document): void {
  for (const el of Array.from(doc.querySelectorAll('[aria-activedescendant]'))) {
    const id = el.getAttribute('aria-activedescendant');
    if (!id || !doc.getElementById(id)) el.removeAttribute('aria-activedescendant');
  }
}

/** `onOpenChange` handler for Dropdown/Combobox: tidy up once the list has closed (after Fluent's own update). */
export function tidyAriaOnClose(_event: unknown, data: { open: boolean }): void {
  if (!data.open) setTimeout(() => dropDanglingActiveDescendants(), 0);
}
