/** Renders the task pane App the way index.tsx does (inside FluentProvider) against a FakePort. */
import '../support/dom-shims';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as React from 'react';
import { App, type AppProps } from '../../src/taskpane/App';
import type { FakePort } from '../support/fake-port';

/** The day the tests are "run": matches the fixtures' Settings Assessment date. */
export const NOW = new Date('2026-06-30T12:00:00Z');

export type Rendered = RenderResult & { user: ReturnType<typeof userEvent.setup> };

export function renderApp(port: FakePort, props: Partial<AppProps> = {}): Rendered {
  const user = userEvent.setup({ delay: null });
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <App port={port} clock={() => NOW} {...props} />
    </FluentProvider>,
  );
  return { ...utils, user };
}

/** Wait for the first read to finish: the Register panel then lists the workbook's tables. */
export async function settled(): Promise<void> {
  await screen.findByRole('table', { name: 'Tables in this workbook' });
}

export async function openTab(user: Rendered['user'], name: RegExp | string): Promise<void> {
  await user.click(screen.getByRole('tab', { name }));
}
