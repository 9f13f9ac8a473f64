/**
 * The readiness result as plain text for a terminal: readiness and rating first, then pillars,
 * every criterion with its reason, the top gaps with their next step, the auditor questions and
 * the data-quality issues as `Sheet!Cell: message`. A pure function of the Result.
 */
import { gaps } from '../domain/gaps';
import { formatIssue } from '../domain/issues';
import type { Result } from '../domain/types';
import { MAX_LISTED_ISSUES, TOP_GAPS, oneLine, organisationName, score1, statusLabel } from './plain';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function padStart(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

export function renderText(result: Result): string {
  const out: string[] = [];
  out.push(`ISO/IEC 20000-1 Clause 5.1 readiness: ${organisationName(result)}`);
  if (result.smsScope.trim() !== '') out.push(`SMS scope: ${oneLine(result.smsScope.trim())}`);
  out.push(
    `As of ${result.asOf}; evidence window ${result.window.from} (exclusive) to ${result.window.to}, ${result.window.lookbackDays} days`,
  );
  out.push('');
  const rating = result.rating ?? 'not rated';
  out.push(`Readiness: ${score1(result.readiness)} / 100  ${rating}`);
  out.push(`  (Green at ${result.thresholds.green} or more, Amber at ${result.thresholds.amber} or more, else Red)`);
  out.push('');

  out.push('Pillars');
  const width = Math.max(...result.pillars.map((p) => p.id.length));
  for (const p of result.pillars) {
    out.push(`  ${pad(p.id, width)}  ${padStart(score1(p.score), 5)}  (weight ${p.weight})`);
  }
  out.push('');

  out.push('Criteria');
  for (const c of result.criteria) {
    out.push(`  ${pad(c.id, 5)}  ${pad(statusLabel(c.status), 7)}  ${oneLine(c.title)}: ${oneLine(c.reason)}`);
  }
  out.push('');

  const top = gaps(result).slice(0, TOP_GAPS);
  out.push(top.length === 0 ? 'Top gaps: none, every applicable criterion is met' : top.length === 1 ? 'Top gap' : `Top ${top.length} gaps`);
  top.forEach((c, i) => {
    out.push(`  ${i + 1}. ${c.id} ${oneLine(c.title)} (${statusLabel(c.status)}): ${oneLine(c.reason)}`);
    out.push(`     Next step: ${oneLine(c.remedy)}`);
  });
  out.push('');

  out.push('Auditor questions');
  for (const q of result.questions) {
    out.push(`  [${statusLabel(q.status)}] ${oneLine(q.question)} (${q.criteria.join(', ')})`);
  }
  out.push('');

  if (result.issues.length === 0) {
    out.push('Data quality: no issues found');
  } else {
    out.push(`Data-quality issues (${result.issues.length})`);
    for (const issue of result.issues.slice(0, MAX_LISTED_ISSUES)) out.push(`  ${oneLine(formatIssue(issue))}`);
    const rest = result.issues.length - MAX_LISTED_ISSUES;
    if (rest > 0) out.push(`  … and ${rest} more (--format json lists them all)`);
  }
  return out.join('\n') + '\n';
}
