/** Status and rating badges: colour plus words, so colour is never the only signal. */
import { Badge, type BadgeProps } from '@fluentui/react-components';
import * as React from 'react';
import type { Rating, Status } from '../../domain/types';
import { S } from '../strings';

const STATUS_COLOR: Record<Status, BadgeProps['color']> = {
  met: 'success',
  partial: 'warning',
  'not met': 'danger',
  'n/a': 'informative',
};

const RATING_COLOR: Record<Rating, BadgeProps['color']> = { Green: 'success', Amber: 'warning', Red: 'danger' };

export function StatusBadge({ status }: { status: Status }): React.ReactElement {
  return (
    <Badge appearance="tint" color={STATUS_COLOR[status]} shape="rounded" data-status={status}>
      {S.score.status(status)}
    </Badge>
  );
}

export function RatingBadge({ rating, size = 'large' }: { rating: Rating; size?: BadgeProps['size'] }): React.ReactElement {
  return (
    <Badge appearance="filled" color={RATING_COLOR[rating]} size={size} data-rating={rating}>
      {S.score.rating(rating)}
    </Badge>
  );
}
