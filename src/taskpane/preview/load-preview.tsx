/**
 * The outside-Office branch of index.tsx: preview mode, fetched as its own chunk so Excel users never
 * download ExcelJS with the pane. If the chunk cannot load, a plain message replaces a blank page.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import * as React from 'react';

export async function loadPreview(): Promise<React.ReactElement> {
  try {
    const { PreviewRoot } = await import(/* webpackChunkName: "preview" */ './PreviewRoot');
    return <PreviewRoot />;
  } catch (err) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Preview mode could not start</MessageBarTitle>
          Reload the page. Open this add-in from Excel to use it with a workbook. ({err instanceof Error ? err.message : String(err)})
        </MessageBarBody>
      </MessageBar>
    );
  }
}
