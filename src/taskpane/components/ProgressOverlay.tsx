/**
 * Progress for anything slow: appears only when work has lasted over 300 ms (so quick actions do
 * not flicker), with a label and, when known, how far it has got. Announced politely to screen readers.
 */
import { Field, ProgressBar, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Busy } from '../hooks/useFeedback';

export const PROGRESS_DELAY_MS = 300;

const useStyles = makeStyles({
  strip: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
});

/** `busy` once it has stayed truthy for `delay` ms; null otherwise. */
export function useDelayed<T>(value: T | null, delay = PROGRESS_DELAY_MS): T | null {
  const [shown, setShown] = React.useState<T | null>(null);
  const active = value !== null;
  React.useEffect(() => {
    if (!active) {
      setShown(null);
      return undefined;
    }
    const timer = setTimeout(() => setShown(() => value), delay);
    return () => clearTimeout(timer);
    // Deliberately keyed on start/stop only: label and progress updates flow through the return below.
  }, [active, delay]);
  return shown === null ? null : value;
}

export function ProgressOverlay({ busy }: { busy: Busy | null }): React.ReactElement {
  const styles = useStyles();
  const shown = useDelayed(busy);
  return (
    // The live region stays in the page (empty when idle) so screen readers announce what appears in it.
    <div role="status" aria-live="polite" className={shown ? styles.strip : undefined}>
      {shown &&
        (shown.progress === undefined ? (
          <Spinner size="tiny" labelPosition="after" label={shown.label} />
        ) : (
          <Field validationMessage={shown.label} validationState="none">
            <ProgressBar value={shown.progress} max={1} aria-label={shown.label} />
          </Field>
        ))}
    </div>
  );
}
