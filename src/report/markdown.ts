/**
 * The readiness result as Markdown (for a pull request, a wiki page or a CI summary). Text from
 * cells is escaped so it can neither break a table nor become markup or HTML.
 */
import { gaps } from '../domain/gaps';
import { formatIssue } from '../domain/issues';
import type { Result } from '../domain/types';
import { MAX_LISTED_ISSUES, TOP_GAPS, oneLine, organisationName, score1, statusLabel } from './plain';

/** Escape Markdown's active characters (CommonMark lets any ASCII punctuation be backslash-escaped; `!` is inert once `[` is escaped). */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|~#]/g, (ch) => `\\${ch}`);
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function renderMarkdown(result: Result): string {
  const out: string[] = [];
  out.push(`# Clause 5.1 readiness: ${escapeMarkdown(organisationName(result))}`);
  out.push('');
  if (result.smsScope.trim() !== '') out.push(`**SMS scope:** ${escapeMarkdown(result.smsScope.trim())}  `);
  out.push(`**As of:** ${result.asOf} (evidence window ${result.window.from} exclusive to ${result.window.to}, ${result.window.lookbackDays} days)  `);
  out.push(`**Readiness:** ${score1(result.readiness)} / 100, **${result.rating ?? 'not rated'}**  `);
  out.push(`Green at ${result.thresholds.green} or more, Amber at ${result.thresholds.amber} or more, else Red.`);
  out.push('');

  out.push('## Pillars');
  out.push('');
  out.push(row(['Pillar', 'Score', 'Weight']));
  out.push(row(['---', '---:', '---:']));
  for (const p of result.pillars) out.push(row([p.id, score1(p.score), String(p.weight)]));
  out.push('');

  const top = gaps(result).slice(0, TOP_GAPS);
  out.push('## Top gaps');
  out.push('');
  if (top.length === 0) out.push('None: every applicable criterion is met.');
  top.forEach((c, i) => {
    out.push(`${i + 1}. **${c.id} ${escapeMarkdown(c.title)}** (${statusLabel(c.status)}): ${escapeMarkdown(c.reason)}  `);
    out.push(`   *Next step:* ${escapeMarkdown(c.remedy)}`);
  });
  out.push('');

  out.push('## Criteria');
  out.push('');
  out.push(row(['ID', 'Pillar', 'Criterion', 'Status', 'Reason', 'Evidence']));
  out.push(row(['---', '---', '---', '---', '---', '---']));
  for (const c of result.criteria) {
    out.push(
      row([c.id, c.pillar, escapeMarkdown(c.title), statusLabel(c.status), escapeMarkdown(c.reason), escapeMarkdown(c.evidence.join(', '))]),
    );
  }
  out.push('');

  out.push('## Auditor questions');
  out.push('');
  out.push(row(['Question', 'Status', 'Criteria']));
  out.push(row(['---', '---', '---']));
  for (const q of result.questions) out.push(row([escapeMarkdown(q.question), statusLabel(q.status), q.criteria.join(', ')]));
  out.push('');

  out.push(`## Data-quality issues (${result.issues.length})`);
  out.push('');
  if (result.issues.length === 0) out.push('No issues found.');
  for (const issue of result.issues.slice(0, MAX_LISTED_ISSUES)) out.push(`- ${escapeMarkdown(formatIssue(issue))}`);
  const rest = result.issues.length - MAX_LISTED_ISSUES;
  if (rest > 0) out.push(`- … and ${rest} more (\`--format json\` lists them all)`);
  return out.join('\n') + '\n';
}
