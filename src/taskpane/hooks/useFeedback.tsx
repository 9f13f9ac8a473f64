/**
 * The pane's shared feedback: the message area every panel writes to, and the one "busy" state
 * that drives the progress indicator. `run` wraps a user action so a failure always becomes a
 * MessageBar with what happened and what to do next — never a silent catch, never a raw stack.
 */
import * as React from 'react';
import { describeError } from '../errors';

export type NoticeIntent = 'success' | 'info' | 'warning' | 'error';

export interface Notice {
  id: number;
  intent: NoticeIntent;
  title: string;
  /** Further sentences, one per line (e.g. the set-up summary). */
  lines?: string[];
  /** Small print: an error's own first line. */
  detail?: string;
}

export interface Busy {
  label: string;
  /** 0–1 when known (reading tables, then checking and scoring); absent → indeterminate. */
  progress?: number;
}

export interface Feedback {
  notices: Notice[];
  notify(notice: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
  busy: Busy | null;
  setBusy(busy: Busy | null): void;
  /**
   * Run one user action: shows `label` as progress, reports failure as an error notice using
   * `failure` as the headline when the error itself says nothing specific. Returns undefined on failure.
   */
  run<T>(label: string, action: () => Promise<T>, failure?: { title?: string; next?: string }): Promise<T | undefined>;
}

const FeedbackContext = React.createContext<Feedback | null>(null);

export function FeedbackProvider({ children }: { children: React.ReactNode }): React.ReactElement {
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [busy, setBusy] = React.useState<Busy | null>(null);
  const nextId = React.useRef(1);

  const notify = React.useCallback((notice: Omit<Notice, 'id'>) => {
    const id = nextId.current++;
    // Newest first; a success replaces older successes so the area does not pile up.
    setNotices((old) => [{ ...notice, id }, ...old.filter((n) => !(notice.intent === 'success' && n.intent === 'success'))].slice(0, 5));
  }, []);
  const dismiss = React.useCallback((id: number) => setNotices((old) => old.filter((n) => n.id !== id)), []);

  const run = React.useCallback(
    async <T,>(label: string, action: () => Promise<T>, failure?: { title?: string; next?: string }): Promise<T | undefined> => {
      setBusy({ label });
      try {
        return await action();
      } catch (error) {
        const m = describeError(error, failure);
        notify({ intent: 'error', title: m.title, lines: [m.next], detail: m.detail });
        return undefined;
      } finally {
        setBusy(null);
      }
    },
    [notify],
  );

  const value = React.useMemo<Feedback>(() => ({ notices, notify, dismiss, busy, setBusy, run }), [notices, notify, dismiss, busy, run]);
  return <FeedbackContext.Provider value={value}>{children}</FeedbackContext.Provider>;
}

export function useFeedback(): Feedback {
  const value = React.useContext(FeedbackContext);
  if (!value) throw new Error('useFeedback must be used inside <FeedbackProvider>');
  return value;
}
