/** Status and rating badges: colour plus words, so colour is never the only signal. */
import { Badge, makeStyles, type BadgeProps } from '@fluentui/react-components';
import * as React from 'react';
import type { Rating, Status } from '../../domain/types';
import { S } from '../strings';

const STATUS_COLOR: Record<Status, BadgeProps['color']> = {
  met: 'success',
  partial: 'warning',
  'not met': 'danger',
  'n/a': 'informative',
};

// A badge keeps its word whole and its size: in a narrow pane the text beside it wraps instead.
const useStyles = makeStyles({
  badge: { flexShrink: 0, whiteSpace: 'nowrap', overflowWrap: 'normal' },
});

const RATING_COLOR: Record<Rating, BadgeProps['color']> = { Green: 'success', Amber: 'warning', Red: 'danger' };

export function StatusBadge({ status }: { status: Status }): React.ReactElement {
  const styles = useStyles();
  return (
    <Badge className={styles.badge} appearance="tint" color={STATUS_COLOR[status]} shape="rounded" data-status={status}>
      {S.score.status(status)}
    </Badge>
  );
}

export function RatingBadge({ rating, size = 'large' }: { rating: Rating; size?: BadgeProps['size'] }): React.ReactElement {
  const styles = useStyles();
  return (
    <Badge className={styles.badge} appearance="filled" color={RATING_COLOR[rating]} size={size} data-rating={rating}>
      {S.score.rating(rating)}
    </Badge>
  );
}
