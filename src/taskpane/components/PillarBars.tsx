/** The six pillar scores as bars, weakest first (pillars that do not apply last). */
import { ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { PillarResult } from '../../domain/types';
import { S } from '../strings';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'grid', gridTemplateColumns: '1fr auto', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  bar: { gridColumn: '1 / span 2' },
});

export function weakestFirst(pillars: readonly PillarResult[]): PillarResult[] {
  return [...pillars].sort((a, b) => {
    if (a.score === null || b.score === null) return a.score === null ? (b.score === null ? 0 : 1) : -1;
    return a.score - b.score || b.weight - a.weight;
  });
}

function barColor(score: number, thresholds: { green: number; amber: number }): 'success' | 'warning' | 'error' {
  if (score >= thresholds.green) return 'success';
  if (score >= thresholds.amber) return 'warning';
  return 'error';
}

export function PillarBars({
  pillars,
  thresholds,
}: {
  pillars: readonly PillarResult[];
  thresholds: { green: number; amber: number };
}): React.ReactElement {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {weakestFirst(pillars).map((p) => (
        <li key={p.id} className={styles.row} data-pillar={p.id}>
          <Text>{p.id}</Text>
          <Text weight="semibold">{S.score.pillarValue(p.score)}</Text>
          <ProgressBar
            className={styles.bar}
            aria-label={S.score.pillarAria(p.id, p.score, p.weight)}
            value={p.score === null ? 0 : p.score / 100}
            max={1}
            thickness="large"
            color={p.score === null ? undefined : barColor(p.score, thresholds)}
          />
        </li>
      ))}
    </ul>
  );
}
