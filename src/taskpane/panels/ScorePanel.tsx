/**
 * Score: readiness and rating, pillars weakest first, every criterion with its reason, evidence
 * (click to select the row) and next step, and the four auditor questions. The as-of date rescores
 * what was read; Refresh reads the workbook again. All workbook text is rendered as React text.
 */
import {
  Button,
  Caption1,
  Divider,
  Field,
  Input,
  LargeTitle,
  Subtitle2,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import * as React from 'react';
import { fromIsoText, toIso } from '../../domain/dates';
import type { CriterionResult, EpochDay, Result } from '../../domain/types';
import { EvidenceLinks } from '../components/EvidenceLinks';
import { PillarBars, weakestFirst } from '../components/PillarBars';
import { RatingBadge, StatusBadge } from '../components/StatusBadge';
import { S } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  headline: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  controls: { display: 'flex', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cardHead: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  label: { fontWeight: tokens.fontWeightSemibold },
});

export interface ScorePanelProps {
  result: Result | null;
  asOf: EpochDay | null;
  busy: boolean;
  onAsOfChange(asOf: EpochDay | null): void;
  onRefresh(): void;
  /** Select the row with this ID in the workbook. */
  onSelectId(id: string): void;
}

const NEEDS_WORK = new Set(['not met', 'partial']);

function CriterionCard({ c, onSelectId }: { c: CriterionResult; onSelectId(id: string): void }): React.ReactElement {
  const styles = useStyles();
  const headingId = `criterion-${c.id}`;
  return (
    <li className={styles.card} aria-labelledby={headingId} data-criterion={c.id}>
      <div className={styles.cardHead}>
        <h5 className={styles.heading} id={headingId}>
          {c.id} {c.title}
        </h5>
        <StatusBadge status={c.status} />
      </div>
      <Text>{c.reason}</Text>
      <div>
        <Text className={styles.label}>{S.score.evidence}: </Text>
        <EvidenceLinks ids={c.evidence} onSelect={onSelectId} />
      </div>
      {NEEDS_WORK.has(c.status) && (
        <Text>
          <span className={styles.label}>{S.score.nextStep}: </span>
          {c.remedy}
        </Text>
      )}
    </li>
  );
}

export function ScorePanel({ result, asOf, busy, onAsOfChange, onRefresh, onSelectId }: ScorePanelProps): React.ReactElement {
  const styles = useStyles();
  const [onlyGaps, setOnlyGaps] = React.useState(false);
  const [asOfText, setAsOfText] = React.useState(asOf === null ? '' : toIso(asOf));
  React.useEffect(() => setAsOfText(asOf === null ? '' : toIso(asOf)), [asOf]);

  const changeAsOf = (text: string): void => {
    setAsOfText(text);
    if (text === '') onAsOfChange(null);
    else {
      // A date input only reports complete dates; ignore anything else until it is one.
      const day = fromIsoText(text);
      if (day !== null) onAsOfChange(day);
    }
  };

  const titles = new Map(result?.criteria.map((c) => [c.id, c.title]) ?? []);
  const pillarOrder = result ? weakestFirst(result.pillars).map((p) => p.id) : [];

  return (
    <section className={styles.root} aria-labelledby="score-heading">
      <div className={styles.section}>
        <Subtitle2 as="h2" id="score-heading">
          {S.score.heading}
        </Subtitle2>
        {result && (
          <div className={styles.headline}>
            {result.readiness === null ? (
              <Text size={500} weight="semibold">
                {S.score.notScored}
              </Text>
            ) : (
              <>
                <LargeTitle aria-label={`${S.score.readinessLabel} ${result.readiness.toFixed(1)} ${S.score.outOf}`}>
                  {result.readiness.toFixed(1)}
                </LargeTitle>
                <Caption1>{S.score.outOf}</Caption1>
              </>
            )}
            {result.rating && <RatingBadge rating={result.rating} />}
          </div>
        )}
        {result && result.readiness === null && <Text>{S.score.notScoredHint}</Text>}
        {result && <Caption1>{S.score.window(result.window.from, result.window.to, result.window.lookbackDays)}</Caption1>}
        {result && result.issues.length > 0 && <Caption1>{S.score.issuesNote(result.issues.length)}</Caption1>}
      </div>

      <div className={styles.controls}>
        <Field label={S.score.asOfLabel} hint={S.score.asOfHint}>
          <Input type="date" value={asOfText} onChange={(_, d) => changeAsOf(d.value)} />
        </Field>
        <Button icon={<ArrowClockwiseRegular />} disabled={busy} onClick={onRefresh}>
          {S.score.refresh}
        </Button>
      </div>

      {result && (
        <>
          <div className={styles.section}>
            <Subtitle2 as="h3">{S.score.pillarsHeading}</Subtitle2>
            <PillarBars pillars={result.pillars} thresholds={result.thresholds} />
          </div>
          <Divider />
          <div className={styles.section}>
            <Subtitle2 as="h3">{S.score.criteriaHeading}</Subtitle2>
            <Switch label={S.score.onlyGaps} checked={onlyGaps} onChange={(_, d) => setOnlyGaps(d.checked)} />
            {pillarOrder.map((pillar) => {
              const list = result.criteria.filter((c) => c.pillar === pillar && (!onlyGaps || NEEDS_WORK.has(c.status)));
              if (!list.length) return null;
              return (
                <div key={pillar} className={styles.section}>
                  <Text as="h4" weight="semibold" className={styles.heading}>
                    {pillar}
                  </Text>
                  <ul className={styles.list} aria-label={pillar}>
                    {list.map((c) => (
                      <CriterionCard key={c.id} c={c} onSelectId={onSelectId} />
                    ))}
                  </ul>
                </div>
              );
            })}
          </div>
          <Divider />
          <div className={styles.section}>
            <Subtitle2 as="h3">{S.score.questionsHeading}</Subtitle2>
            <ul className={styles.list} aria-label={S.score.questionsHeading}>
              {result.questions.map((q, i) => (
                <li key={q.question} className={styles.card} aria-labelledby={`question-${i}`} data-question={i}>
                  <div className={styles.cardHead}>
                    <Text id={`question-${i}`} weight="semibold">
                      {q.question}
                    </Text>
                    <StatusBadge status={q.status} />
                  </div>
                  <Caption1>
                    {S.score.questionCriteria}: {q.criteria.map((id) => (titles.get(id) ? `${id} ${titles.get(id)}` : id)).join(' · ')}
                  </Caption1>
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
    </section>
  );
}
