/**
 * Register: what the add-in is for, which tables the workbook holds, Set up / Upgrade with a
 * summary of what changed, and the outputs for executives and auditors. Actions arrive as props.
 */
import { Button, Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, BoardRegular, HistoryRegular, TableAddRegular } from '@fluentui/react-icons';
import * as React from 'react';
import { ALL_TABLE_NAMES, TABLE_NAMES, type EvidenceTableName } from '../../domain/schema';
import type { Register } from '../../domain/types';
import type { SetUpReport } from '../../workbook/port';
import { NoticeBar } from '../components/Notices';
import { summarizeSetUp, type SetUpSummary } from '../setup-summary';
import { S } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  actions: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, width: '100%' },
  action: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, alignItems: 'flex-start' },
  count: { textAlign: 'end' },
});

export interface RegisterPanelProps {
  register: Register | null;
  /** True while any action or read is running: buttons are disabled to prevent double writes. */
  busy: boolean;
  onSetUp(): Promise<SetUpReport | undefined>;
  onAddDashboard(): Promise<void>;
  onRecordSnapshot(): Promise<void>;
  onExportPack(): Promise<void>;
}

export function RegisterPanel({ register, busy, onSetUp, onAddDashboard, onRecordSnapshot, onExportPack }: RegisterPanelProps): React.ReactElement {
  const styles = useStyles();
  const [summary, setSummary] = React.useState<{ upgrade: boolean; summary: SetUpSummary } | null>(null);
  const present = new Set(register?.present ?? []);
  const hasAny = present.size > 0;
  const missingCount = ALL_TABLE_NAMES.filter((t) => !present.has(t)).length;
  const upgrade = hasAny;

  const setUp = async (): Promise<void> => {
    const report = await onSetUp();
    if (report) setSummary({ upgrade, summary: summarizeSetUp(report) });
  };

  return (
    <section className={styles.root} aria-labelledby="register-heading">
      <div className={styles.section}>
        <Subtitle2 as="h2" id="register-heading">
          {S.register.heading}
        </Subtitle2>
        <Text>{S.purpose}</Text>
      </div>

      <div className={styles.section}>
        {register && (
          <Table size="small" aria-label={S.register.tablesHeading}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{S.register.tableColumn}</TableHeaderCell>
                <TableHeaderCell className={styles.count}>{S.register.rowsColumn}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {ALL_TABLE_NAMES.map((t) => (
                <TableRow key={t} data-table={t}>
                  <TableCell>{t}</TableCell>
                  <TableCell className={styles.count}>
                    {!present.has(t)
                      ? S.register.missing
                      : (TABLE_NAMES as readonly string[]).includes(t)
                        ? S.register.tableRows(register.tables[t as EvidenceTableName].length)
                        : S.register.settingsPresent}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {register && !hasAny && <Text>{S.register.noRegister}</Text>}
        {register && hasAny && missingCount > 0 && <Text>{S.register.someMissing(missingCount)}</Text>}
        <Button appearance="primary" icon={<TableAddRegular />} disabled={busy} onClick={() => void setUp()}>
          {upgrade ? S.register.upgrade : S.register.setUp}
        </Button>
        <Caption1>{S.register.setUpHint}</Caption1>
        {summary && (
          <NoticeBar
            notice={{
              intent: summary.summary.problems.length ? 'warning' : 'success',
              title: summary.summary.problems.length
                ? S.register.problemsTitle
                : summary.upgrade
                  ? S.register.upgradeDone
                  : S.register.setUpDone,
              lines: [...summary.summary.lines, ...summary.summary.problems],
            }}
            onDismiss={() => setSummary(null)}
          />
        )}
      </div>

      <div className={styles.section}>
        <Subtitle2 as="h3">{S.register.outputsHeading}</Subtitle2>
        <div className={styles.actions}>
          <div className={styles.action}>
            <Button icon={<BoardRegular />} disabled={busy} onClick={() => void onAddDashboard()}>
              {S.register.addDashboard}
            </Button>
            <Caption1>{S.register.addDashboardHint}</Caption1>
          </div>
          <div className={styles.action}>
            <Button icon={<HistoryRegular />} disabled={busy || !hasAny} onClick={() => void onRecordSnapshot()}>
              {S.register.recordSnapshot}
            </Button>
            <Caption1>{S.register.recordSnapshotHint}</Caption1>
          </div>
          <div className={styles.action}>
            <Button icon={<ArrowDownloadRegular />} disabled={busy || !hasAny} onClick={() => void onExportPack()}>
              {S.register.exportPack}
            </Button>
            <Caption1>{S.register.exportPackHint}</Caption1>
          </div>
        </div>
      </div>
    </section>
  );
}
