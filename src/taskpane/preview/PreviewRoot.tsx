/**
 * Preview mode: the task pane opened in a browser outside Office. The same App and panels as in
 * Excel run against a workbook held in this tab (PreviewPort over ExcelJS): the bundled example by
 * default, an .xlsx the person picks, or a new empty workbook. A banner says it is not connected
 * to Excel; Download saves the changed workbook. Nothing is sent anywhere.
 * index.tsx imports this module dynamically, so ExcelJS stays out of the pane's initial bundle.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentAddRegular, FolderOpenRegular, TableRegular } from '@fluentui/react-icons';
import * as React from 'react';
import { FileProblem } from '../../workbook/file-problem';
import { App } from '../App';
import { downloadDelivery } from '../delivery';
import { openEmpty, openExample, openPicked, type OpenedWorkbook } from './open-workbook';
import { PreviewPort } from './preview-port';
import { P } from './preview-strings';
import { SheetViewer } from './SheetViewer';
import type { SheetView } from './sheet-view';

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Below this width the sheet view goes under the pane and the page scrolls as one. */
const WIDE = '@media (min-width: 760px)';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    // Side by side, each column scrolls on its own, so going to a cell never scrolls the pane away.
    [WIDE]: { flexWrap: 'nowrap', height: '100vh', overflow: 'hidden' },
  },
  // A task pane's width (Excel's can be dragged wider), so the preview shows the pane as Excel users see it.
  pane: {
    flex: '0 1 460px',
    minWidth: '240px',
    maxWidth: '100%',
    // Long file names and IDs break rather than widen the pane.
    overflowWrap: 'anywhere',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxSizing: 'border-box',
    [WIDE]: { height: '100vh', overflowY: 'auto' },
  },
  top: {
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hidden: { display: 'none' },
  viewer: {
    flex: '1 1 360px',
    minWidth: 0,
    padding: tokens.spacingHorizontalL,
    boxSizing: 'border-box',
    [WIDE]: { height: '100vh', overflowY: 'auto' },
  },
});

interface Failure {
  title: string;
  message: string;
}

function failureOf(err: unknown, title: string): Failure {
  if (err instanceof FileProblem) return { title, message: `${err.file}: ${err.message}` };
  const message = err instanceof Error ? err.message : String(err);
  return { title, message: `${message}. ${P.openFailedNext}` };
}

export function PreviewRoot(): React.ReactElement {
  const styles = useStyles();
  const [opened, setOpened] = React.useState<OpenedWorkbook | null>(null);
  // A new workbook remounts the App, so nothing read from the previous one lingers.
  const [generation, setGeneration] = React.useState(0);
  const [changes, setChanges] = React.useState(0);
  const [view, setView] = React.useState<SheetView | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<Failure | null>(null);
  const [saved, setSaved] = React.useState<string | null>(null);
  const fileInput = React.useRef<HTMLInputElement | null>(null);

  const port = React.useMemo(
    () => (opened ? new PreviewPort(opened.port, { onSelect: setView, onChange: () => setChanges((n) => n + 1) }) : null),
    [opened],
  );

  const open = React.useCallback(async (load: () => Promise<OpenedWorkbook> | OpenedWorkbook): Promise<void> => {
    setBusy(true);
    setFailure(null);
    setSaved(null);
    try {
      const next = await load();
      setOpened(next);
      setGeneration((g) => g + 1);
      setChanges(0);
      setView(null);
    } catch (err) {
      setFailure(failureOf(err, P.openFailedTitle));
    } finally {
      setBusy(false);
    }
  }, []);

  React.useEffect(() => {
    void open(() => openExample());
  }, [open]);

  /** Replacing a changed workbook loses its changes: ask first. */
  const mayReplace = (): boolean => changes === 0 || window.confirm(`${P.unsaved(changes)}. ${P.discardQuestion}`);

  const onPick = (e: React.ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    // Cleared so picking the same file again still raises a change.
    e.target.value = '';
    if (file && mayReplace()) void open(() => openPicked(file));
  };

  const download = async (): Promise<void> => {
    if (!port || !opened) return;
    setBusy(true);
    setFailure(null);
    try {
      const bytes = await port.toBytes();
      await downloadDelivery.deliver(bytes, opened.name);
      setChanges(0);
      setSaved(P.downloaded(opened.name));
    } catch (err) {
      setFailure(failureOf(err, P.downloadFailedTitle));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root}>
      <main className={styles.pane} aria-label={P.paneLabel}>
        <div className={styles.top}>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{P.bannerTitle}</MessageBarTitle>
              {P.bannerBody}
            </MessageBarBody>
          </MessageBar>
          <Text size={200} data-testid="preview-workbook">
            {P.workbookLabel}: <Text weight="semibold" size={200}>{opened?.label ?? '—'}</Text>
            {opened && ` · ${changes > 0 ? P.unsaved(changes) : P.saved}`}
          </Text>
          <div className={styles.toolbar} role="group" aria-label={P.toolbarLabel}>
            <Button size="small" icon={<FolderOpenRegular />} disabled={busy} onClick={() => fileInput.current?.click()}>
              {P.openFile}
            </Button>
            <Button size="small" icon={<TableRegular />} disabled={busy} onClick={() => mayReplace() && void open(() => openExample())}>
              {P.example}
            </Button>
            <Button size="small" icon={<DocumentAddRegular />} disabled={busy} onClick={() => mayReplace() && void open(() => openEmpty())}>
              {P.empty}
            </Button>
            <Button size="small" appearance="primary" icon={<ArrowDownloadRegular />} disabled={busy || !port} onClick={() => void download()}>
              {P.download}
            </Button>
          </div>
          <input
            ref={fileInput}
            className={styles.hidden}
            type="file"
            accept={XLSX_ACCEPT}
            aria-label={P.fileInputLabel}
            tabIndex={-1}
            onChange={onPick}
            data-testid="preview-file-input"
          />
          {busy && !opened && <Text role="status">{P.opening}</Text>}
          {failure && (
            <MessageBar intent="error" layout="multiline" politeness="assertive">
              <MessageBarBody>
                <MessageBarTitle>{failure.title}</MessageBarTitle>
                {failure.message}
              </MessageBarBody>
            </MessageBar>
          )}
          {saved && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{saved}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        {port && <App key={generation} port={port} />}
      </main>
      <aside className={styles.viewer} aria-label={P.viewerLabel}>
        <SheetViewer view={view} />
      </aside>
    </div>
  );
}
