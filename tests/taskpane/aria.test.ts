/** @jest-environment jsdom */
import { dropDanglingActiveDescendants, tidyAriaOnClose } from '../../src/taskpane/components/aria';

function setUp(): { dangling: HTMLElement; live: HTMLElement } {
  document.body.replaceChildren();
  const option = document.createElement('div');
  option.id = 'opt-1';
  const live = document.createElement('input');
  live.setAttribute('aria-activedescendant', 'opt-1');
  const dangling = document.createElement('button');
  dangling.setAttribute('aria-activedescendant', 'gone-7');
  document.body.append(option, live, dangling);
  return { dangling, live };
}

test('drops an aria-activedescendant whose option is gone, keeps one that still exists', () => {
  const { dangling, live } = setUp();
  dropDanglingActiveDescendants();
  expect(dangling.hasAttribute('aria-activedescendant')).toBe(false);
  expect(live.getAttribute('aria-activedescendant')).toBe('opt-1');
});

test('tidies only when the list closes', () => {
  jest.useFakeTimers();
  try {
    const { dangling } = setUp();
    tidyAriaOnClose(null, { open: true });
    jest.runAllTimers();
    expect(dangling.getAttribute('aria-activedescendant')).toBe('gone-7');
    tidyAriaOnClose(null, { open: false });
    jest.runAllTimers();
    expect(dangling.hasAttribute('aria-activedescendant')).toBe(false);
  } finally {
    jest.useRealTimers();
  }
});
