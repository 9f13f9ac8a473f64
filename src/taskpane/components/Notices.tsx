/** The shared message area: every success, warning and failure of the pane, newest first. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarGroup, MessageBarTitle, Text } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import * as React from 'react';
import type { Notice } from '../hooks/useFeedback';
import { S } from '../strings';

export function NoticeBar({ notice, onDismiss, action }: { notice: Omit<Notice, 'id'>; onDismiss?(): void; action?: React.ReactNode }): React.ReactElement {
  return (
    <MessageBar intent={notice.intent} layout="multiline" politeness={notice.intent === 'error' ? 'assertive' : 'polite'}>
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.lines?.map((line, i) => (
          <div key={i}>{line}</div>
        ))}
        {notice.detail && (
          <Text size={200} block>
            {S.errors.detail(notice.detail)}
          </Text>
        )}
      </MessageBarBody>
      {(onDismiss || action) && (
        <MessageBarActions
          containerAction={
            onDismiss ? <Button appearance="transparent" aria-label={S.dismiss} icon={<DismissRegular />} onClick={onDismiss} /> : undefined
          }
        >
          {action}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function Notices({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss(id: number): void }): React.ReactElement {
  return (
    <MessageBarGroup>
      {notices.map((n) => (
        <NoticeBar key={n.id} notice={n} onDismiss={() => onDismiss(n.id)} />
      ))}
    </MessageBarGroup>
  );
}
