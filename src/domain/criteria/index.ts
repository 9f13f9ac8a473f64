/**
 * The rubric's registry: all 22 criteria in spec order (spec §2). Faces list criteria from here;
 * assess() evaluates them in this order.
 */
import { ACCOUNTABILITY_CRITERIA } from './accountability';
import { COMMUNICATION_CRITERIA } from './communication';
import type { Criterion } from './criterion';
import { ESCALATION_CRITERIA } from './escalation';
import { FOLLOW_THROUGH_CRITERIA } from './follow-through';
import { GOVERNANCE_CRITERIA } from './governance';
import { RESOURCES_CRITERIA } from './resources';

export type { Criterion, Evaluation } from './criterion';

export const CRITERIA: readonly Criterion[] = [
  ...ACCOUNTABILITY_CRITERIA,
  ...GOVERNANCE_CRITERIA,
  ...FOLLOW_THROUGH_CRITERIA,
  ...RESOURCES_CRITERIA,
  ...COMMUNICATION_CRITERIA,
  ...ESCALATION_CRITERIA,
];

const BY_ID = new Map(CRITERIA.map((c) => [c.id, c]));

/** A criterion by its ID (case-insensitive), e.g. for the custom functions' CRITERION(id). */
export function criterionById(id: string): Criterion | undefined {
  return BY_ID.get(id.trim().toUpperCase());
}
