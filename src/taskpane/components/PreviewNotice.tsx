/**
 * Shown when the page is opened outside Office. Issue 5 replaces this with preview mode (the same
 * panels on an .xlsx held in the browser); keep it small and self-contained until then.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { S } from '../strings';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export function PreviewNotice(): React.ReactElement {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{S.preview.title}</MessageBarTitle>
          {S.preview.body}
        </MessageBarBody>
      </MessageBar>
      <Text>{S.purpose}</Text>
      <Text>{S.preview.coming}</Text>
    </main>
  );
}
