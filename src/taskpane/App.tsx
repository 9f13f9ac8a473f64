/**
 * The task pane shell: four panels in a TabList, one shared message area, one progress strip.
 * The App wires the port (the only way to the workbook) to the panels' callbacks; panels never
 * call Office or the port themselves, so tests can drive them with a fake port.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, DataBarVerticalRegular, DocumentAddRegular, TableRegular } from '@fluentui/react-icons';
import * as React from 'react';
import { HISTORY_HEADERS, historyRow } from '../domain/history';
import { evidenceTarget } from '../domain/criteria/text';
import { type EvidenceTableName } from '../domain/schema';
import type { RawRegister, RawTable, Register, Result } from '../domain/types';
import type { RowValues, SelectTarget, WorkbookPort } from '../workbook/port';
import { NoticeBar, Notices } from './components/Notices';
import { ProgressOverlay } from './components/ProgressOverlay';
import { SectionTabs, type Section } from './components/SectionTabs';
import { downloadDelivery, packFileName, type PackDelivery } from './delivery';
import { FeedbackProvider, useFeedback, type Busy } from './hooks/useFeedback';
import { type Pacing } from './hooks/step-runner';
import { useRegister } from './hooks/useRegister';
import { AddEntryPanel } from './panels/AddEntryPanel';
import { CheckPanel } from './panels/CheckPanel';
import { RegisterPanel } from './panels/RegisterPanel';
import { ScorePanel } from './panels/ScorePanel';
import { S } from './strings';

/** The part of src/workbook/xlsx/pack-writer.ts the pane uses; loaded only when asked (ExcelJS is large). */
export interface PackWriterModule {
  writeAuditorPack(input: { raw: RawRegister; register: Register; result: Result; generatedAt: Date; history?: RawTable }): Promise<Uint8Array>;
}

/** Kept out of the initial bundle: webpack splits this into its own chunk. */
export const loadPackWriterChunk = (): Promise<PackWriterModule> =>
  import(/* webpackChunkName: "auditor-pack" */ '../workbook/xlsx/pack-writer');

export interface AppProps {
  port: WorkbookPort;
  /** How an exported pack reaches the person: a new Excel window, or a download. */
  delivery?: PackDelivery;
  loadPackWriter?: () => Promise<PackWriterModule>;
  /** The clock for "today" and snapshot times (tests pass a fixed one). */
  clock?: () => Date;
  /** How scoring shares the browser between steps (tests slow it down to see the progress). */
  pacing?: Pacing;
}

export type PanelId = 'register' | 'add' | 'check' | 'score';
const PANELS: Section<PanelId>[] = [
  { id: 'register', label: S.tabs.register, icon: <TableRegular /> },
  { id: 'add', label: S.tabs.add, icon: <DocumentAddRegular /> },
  { id: 'check', label: S.tabs.check, icon: <CheckmarkCircleRegular /> },
  { id: 'score', label: S.tabs.score, icon: <DataBarVerticalRegular /> },
];

const useStyles = makeStyles({
  // Long IDs, URLs and file names break instead of widening the narrow pane (Excel's is ~320–350 px).
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', minWidth: 0, overflowWrap: 'anywhere', backgroundColor: tokens.colorNeutralBackground1 },
  tabs: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  messages: { padding: `0 ${tokens.spacingHorizontalM}`, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  panel: { padding: tokens.spacingHorizontalM },
});

export function App(props: AppProps): React.ReactElement {
  return (
    <FeedbackProvider>
      <Shell {...props} />
    </FeedbackProvider>
  );
}

function Shell({ port, delivery = downloadDelivery, loadPackWriter = loadPackWriterChunk, clock = () => new Date(), pacing }: AppProps): React.ReactElement {
  const styles = useStyles();
  const feedback = useFeedback();
  const reg = useRegister(port, clock, pacing);
  const [panel, setPanel] = React.useState<PanelId>('register');
  const { refresh } = reg;
  const { run, notify } = feedback;

  React.useEffect(() => {
    void refresh();
  }, [refresh]);

  const fraction = reg.progress?.fraction;
  const busy: Busy | null = feedback.busy
    ? { label: feedback.busy.label, progress: fraction }
    : reg.loading
      ? { label: reg.progress?.label ?? S.loading, progress: fraction }
      : null;
  const isBusy = busy !== null;

  const setUp = async () => {
    const report = await run(S.register.settingUp, () => port.setUp());
    if (report) await refresh();
    return report;
  };

  const addDashboard = async () => {
    const done = await run(S.register.addingDashboard, () => port.writeDashboard());
    if (done) notify({ intent: 'success', title: S.register.dashboardDone(done.sheet, done.created) });
  };

  const recordSnapshot = async () => {
    const done = await run(S.register.recordingSnapshot, async () => {
      // Score what the workbook holds now, not what was read earlier.
      const snap = await refresh();
      if (!snap) return undefined;
      const written = await port.appendHistory(HISTORY_HEADERS, historyRow(snap.result, clock()));
      return { written, result: snap.result };
    });
    if (done) {
      const { result, written } = done;
      notify({
        intent: 'success',
        title: S.register.snapshotDone(result.readiness === null ? S.score.notScored : result.readiness.toFixed(1), result.rating ?? '—', result.asOf, written.row),
      });
    }
  };

  const exportPack = async () => {
    const done = await run(
      S.register.exportingPack,
      async () => {
        const snap = await refresh();
        if (!snap) return undefined;
        // Right after the read: in Excel the History came back with it, so this costs no round trip.
        const history = await port.readHistory();
        const { writeAuditorPack } = await loadPackWriter();
        const bytes = await writeAuditorPack({
          raw: snap.raw,
          register: snap.register,
          result: snap.result,
          generatedAt: clock(),
          ...(history ? { history } : {}),
        });
        const name = packFileName(snap.result.asOf);
        return { outcome: await delivery.deliver(bytes, name), name };
      },
      { title: S.errors.packTitle, next: S.errors.packNext },
    );
    if (done) notify({ intent: 'success', title: done.outcome === 'opened' ? S.register.packOpened : S.register.packDownloaded(done.name) });
  };

  const addEntry = async (table: EvidenceTableName, values: RowValues) => {
    const added = await run(S.add.adding, () => port.addRow(table, values));
    if (added) {
      notify({ intent: 'success', title: S.add.added(added.id, table, added.row) });
      await refresh();
    }
    return added;
  };

  const select = (target: SelectTarget): void => {
    void run(S.check.going, () => port.select(target));
  };
  // Evidence is an ID ("DEC-2") or a row label ("DEC-2 (row 6)", "Decisions row 7"): both select the row.
  const selectId = (id: string): void => {
    const target = evidenceTarget(id);
    if (target) select(target);
  };

  const register = reg.snapshot?.register ?? null;
  const result = reg.snapshot?.result ?? null;

  return (
    <div className={styles.root}>
      <SectionTabs<PanelId> className={styles.tabs} sections={PANELS} selected={panel} onSelect={setPanel} />
      <ProgressOverlay busy={busy} />
      <div className={styles.messages}>
        {reg.error && (
          <NoticeBar
            notice={{ intent: 'error', title: reg.error.title, lines: [reg.error.next], detail: reg.error.detail }}
            action={
              <Button disabled={isBusy} onClick={() => void refresh()}>
                {S.errors.tryAgain}
              </Button>
            }
          />
        )}
        <Notices notices={feedback.notices} onDismiss={feedback.dismiss} />
      </div>
      <div className={styles.panel} role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`}>
        {panel === 'register' && (
          <RegisterPanel
            register={register}
            busy={isBusy}
            onSetUp={setUp}
            onAddDashboard={addDashboard}
            onRecordSnapshot={recordSnapshot}
            onExportPack={exportPack}
          />
        )}
        {panel === 'add' && <AddEntryPanel register={register} busy={isBusy} onAdd={addEntry} />}
        {panel === 'check' && (
          <CheckPanel issues={result?.issues ?? null} busy={isBusy} onSelect={select} onRefresh={() => void refresh()} />
        )}
        {panel === 'score' && (
          <ScorePanel
            result={result}
            asOf={reg.asOf}
            busy={isBusy}
            onAsOfChange={reg.setAsOf}
            onRefresh={() => void refresh()}
            onSelectId={selectId}
          />
        )}
      </div>
    </div>
  );
}
