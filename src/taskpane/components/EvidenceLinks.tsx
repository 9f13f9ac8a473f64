/** Evidence row IDs as buttons; a click asks the workbook to select that row. */
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { evidenceTarget } from '../../domain/criteria/text';
import { S } from '../strings';

const useStyles = makeStyles({
  list: { display: 'inline-flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, listStyleType: 'none', margin: 0, padding: 0 },
});

export function EvidenceLinks({ ids, onSelect }: { ids: readonly string[]; onSelect(id: string): void }): React.ReactElement {
  const styles = useStyles();
  if (!ids.length) return <Text italic>{S.score.noEvidence}</Text>;
  return (
    <ul className={styles.list}>
      {ids.map((id) => (
        <li key={id}>
          {evidenceTarget(id) ? (
            <Link as="button" aria-label={S.score.goToRow(id)} onClick={() => onSelect(id)}>
              {id}
            </Link>
          ) : (
            <Text>{id}</Text>
          )}
        </li>
      ))}
    </ul>
  );
}
