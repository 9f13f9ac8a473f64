/**
 * Task pane entry. In Excel: the App on the Office.js port, in a Fluent theme that follows Office's
 * (and changes with it). Outside Office (Office.onReady gives no host, or office.js could not load):
 * preview mode, loaded as its own chunk (preview/load-preview.tsx).
 */
import { FluentProvider, makeStaticStyles, type Theme } from '@fluentui/react-components';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { OfficePort } from '../workbook/office/office-port';
import { App } from './App';
import { excelDelivery } from './office-delivery';
import { loadPreview } from './preview/load-preview';
import { fluentThemeFor, type OfficeThemeLike } from './theme';

/** How often to look for a theme change where Office raises no event for it (Excel has none today). */
const THEME_POLL_MS = 3000;

function currentOfficeTheme(): OfficeThemeLike | null {
  try {
    return Office.context?.officeTheme ?? null;
  } catch {
    return null;
  }
}

// The page is the pane: the browser's default 8 px body margin would take 16 px from a ~320 px pane.
const useBodyStyles = makeStaticStyles({ body: { margin: 0 } });

function ThemedRoot({ children }: { children: React.ReactNode }): React.ReactElement {
  useBodyStyles();
  const [theme, setTheme] = React.useState<Theme>(() => fluentThemeFor(currentOfficeTheme()));
  React.useEffect(() => {
    const update = (): void => setTheme(fluentThemeFor(currentOfficeTheme()));
    try {
      Office.context.document?.addHandlerAsync?.(Office.EventType.OfficeThemeChanged, update);
    } catch {
      // Not supported by this host: the poll below covers it.
    }
    const timer = setInterval(update, THEME_POLL_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      {children}
    </FluentProvider>
  );
}

function mount(node: React.ReactElement): void {
  const container = document.getElementById('container');
  if (!container) return;
  createRoot(container).render(<ThemedRoot>{node}</ThemedRoot>);
}

if (typeof Office === 'undefined') {
  // office.js did not load (offline, opened from a copy of dist/): preview still works.
  void loadPreview().then(mount);
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) mount(<App port={new OfficePort()} delivery={excelDelivery} />);
    else void loadPreview().then(mount);
  });
}
