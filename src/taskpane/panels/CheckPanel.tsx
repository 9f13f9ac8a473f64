/**
 * Check: every cell the scorer could not read, grouped by table, each with Go to cell so the
 * person can fix it in the sheet. Messages come from formatIssue (the same words as everywhere).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, LocationArrowRegular } from '@fluentui/react-icons';
import * as React from 'react';
import { formatIssue, issueLocation } from '../../domain/issues';
import type { TableName } from '../../domain/schema';
import type { DataIssue } from '../../domain/types';
import type { SelectTarget } from '../../workbook/port';
import { S } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  header: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  // In a narrow pane the button drops under its message rather than squeezing it into a thin column.
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  message: { flex: '1 1 14em', minWidth: 0 },
  go: { flexShrink: 0 },
});

export interface CheckPanelProps {
  issues: readonly DataIssue[] | null;
  busy: boolean;
  onSelect(target: SelectTarget): void;
  onRefresh(): void;
}

/** Issues by table, tables in first-seen order (the parser reports them in register order). */
export function groupByTable(issues: readonly DataIssue[]): [TableName, DataIssue[]][] {
  const groups = new Map<TableName, DataIssue[]>();
  for (const issue of issues) {
    const list = groups.get(issue.table) ?? [];
    list.push(issue);
    groups.set(issue.table, list);
  }
  return [...groups.entries()];
}

export function targetOf(issue: DataIssue): SelectTarget {
  if (issue.row > 0) return { table: issue.table, row: issue.row, column: issue.column };
  return { table: issue.table };
}

export function CheckPanel({ issues, busy, onSelect, onRefresh }: CheckPanelProps): React.ReactElement {
  const styles = useStyles();
  const groups = issues ? groupByTable(issues) : [];
  return (
    <section className={styles.root} aria-labelledby="check-heading">
      <div className={styles.header}>
        <Subtitle2 as="h2" id="check-heading">
          {S.check.heading}
        </Subtitle2>
        <Button icon={<ArrowClockwiseRegular />} disabled={busy} onClick={onRefresh}>
          {S.score.refresh}
        </Button>
      </div>
      <Text>{S.check.intro}</Text>
      {issues && issues.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{S.check.none}</MessageBarBody>
        </MessageBar>
      )}
      {issues && issues.length > 0 && (
        <>
          <Text weight="semibold" role="status">
            {S.check.summary(issues.length, groups.length)}
          </Text>
          <Accordion multiple collapsible defaultOpenItems={groups.map(([t]) => t)}>
            {groups.map(([table, list]) => (
              <AccordionItem key={table} value={table}>
                <AccordionHeader as="h3">{S.check.tableGroup(table, list.length)}</AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.list} aria-label={table}>
                    {list.map((issue, i) => (
                      <li key={`${issue.row}.${issue.column ?? ''}.${i}`} className={styles.item}>
                        <Text className={styles.message}>{formatIssue(issue)}</Text>
                        <Button
                          className={styles.go}
                          size="small"
                          icon={<LocationArrowRegular />}
                          aria-label={(issue.row > 0 ? S.check.goToCellLabel : S.check.goToTableLabel)(issueLocation(issue))}
                          onClick={() => onSelect(targetOf(issue))}
                        >
                          {issue.row > 0 ? S.check.goToCell : S.check.goToTable}
                        </Button>
                      </li>
                    ))}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </>
      )}
    </section>
  );
}
