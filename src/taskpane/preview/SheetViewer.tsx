/**
 * A small read-only drawing of the sheet around the cell a select() chose: column letters, row
 * numbers, the selected row shaded and the selected cell outlined and focused, so Go to cell and
 * evidence links visibly work in preview. Plain table markup: screen readers announce it as such.
 */
import { Caption1, Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { P } from './preview-strings';
import type { SheetView } from './sheet-view';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  scroller: {
    overflow: 'auto',
    maxHeight: '70vh',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  head: {
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    textAlign: 'center',
  },
  rowHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightRegular,
    padding: `0 ${tokens.spacingHorizontalS}`,
    textAlign: 'end',
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'nowrap',
    maxWidth: '18em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    color: tokens.colorNeutralForeground1,
  },
  headerCell: { fontWeight: tokens.fontWeightSemibold },
  selectedRow: { backgroundColor: tokens.colorBrandBackground2 },
  selectedCell: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export function SheetViewer({ view }: { view: SheetView | null }): React.ReactElement {
  const styles = useStyles();
  const target = React.useRef<HTMLTableCellElement | null>(null);
  const scroller = React.useRef<HTMLDivElement | null>(null);

  // Each new selection moves focus to the cell, as Excel moves its selection.
  React.useEffect(() => {
    if (!view) return;
    const cell = target.current;
    if (cell) {
      cell.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
      cell.focus({ preventScroll: true });
    } else {
      scroller.current?.focus();
    }
  }, [view]);

  if (!view) {
    return (
      <div className={styles.root}>
        <Subtitle2 as="h2">{P.viewerLabel}</Subtitle2>
        <Text>{P.viewerEmpty}</Text>
      </div>
    );
  }
  const dataRows = view.rows.filter((r) => r.row !== view.headerRow);
  const first = dataRows[0]?.row;
  const last = dataRows[dataRows.length - 1]?.row;
  return (
    <div className={styles.root}>
      <Subtitle2 as="h2">{P.viewerLabel}</Subtitle2>
      <Text role="status" data-testid="viewer-address">
        {P.viewerCaption(view.address)}
      </Text>
      {/* Focusable so keyboard users can scroll a wide table (axe: scrollable-region-focusable). */}
      <div ref={scroller} className={styles.scroller} tabIndex={0} role="region" aria-label={`${P.viewerLabel}: ${view.sheet}`}>
        <table className={styles.table} data-testid="sheet-viewer">
          <caption style={{ textAlign: 'start', padding: tokens.spacingHorizontalXS }}>
            <Caption1>{view.sheet}</Caption1>
          </caption>
          <thead>
            <tr>
              <th className={styles.head} scope="col">
                <span aria-label={P.rowHeader}>#</span>
              </th>
              {view.letters.map((l) => (
                <th key={l} className={styles.head} scope="col">
                  {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => {
              const rowSelected = r.row === view.selectedRow;
              return (
                <tr key={r.row} className={rowSelected ? styles.selectedRow : undefined} data-row={r.row} data-selected={rowSelected || undefined}>
                  <th className={styles.rowHead} scope="row">
                    {r.row}
                  </th>
                  {r.cells.map((text, i) => {
                    const col = view.columns[i];
                    const cellSelected = rowSelected && (view.selectedColumn === null ? i === 0 : col === view.selectedColumn);
                    return (
                      <td
                        key={col}
                        ref={cellSelected ? target : undefined}
                        tabIndex={cellSelected ? -1 : undefined}
                        aria-current={cellSelected ? 'location' : undefined}
                        data-cell={`${view.letters[i]}${r.row}`}
                        className={mergeClasses(
                          styles.cell,
                          r.row === view.headerRow && styles.headerCell,
                          cellSelected && view.selectedColumn !== null && styles.selectedCell,
                        )}
                      >
                        {text}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {first !== undefined && last !== undefined && <Caption1>{P.viewerRowsNote(first, last, view.lastRow)}</Caption1>}
    </div>
  );
}
