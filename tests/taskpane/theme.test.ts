import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { fluentThemeFor, isDarkOfficeTheme, luminance } from '../../src/taskpane/theme';

describe('theme follows Office', () => {
  test.each([
    ['#000000', 0],
    ['#fff', 1],
    ['FFFFFF', 1],
  ])('luminance of %s is %d', (color, expected) => {
    expect(luminance(color)).toBeCloseTo(expected);
  });

  test('non-colours have no luminance', () => {
    expect(luminance('white')).toBeNull();
    expect(luminance('#12345')).toBeNull();
  });

  test('a dark body background means the dark theme, whatever isDarkTheme says', () => {
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#262626', isDarkTheme: false })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#FFFFFF', isDarkTheme: true })).toBe(false);
    expect(fluentThemeFor({ bodyBackgroundColor: '#1f1f1f' })).toBe(webDarkTheme);
    expect(fluentThemeFor({ bodyBackgroundColor: '#f3f2f1' })).toBe(webLightTheme);
  });

  test('without a usable colour, isDarkTheme decides; without either, light', () => {
    expect(isDarkOfficeTheme({ isDarkTheme: true })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: 'transparent', isDarkTheme: true })).toBe(true);
    expect(isDarkOfficeTheme(null)).toBe(false);
    expect(fluentThemeFor(undefined)).toBe(webLightTheme);
  });
});
