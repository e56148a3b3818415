import type { GradedSubmission } from './grade';

/**
 * The class table as CSV (RFC 4180: comma-separated, CRLF line ends, a field
 * with a comma, quote or line break quoted, quotes doubled). Written by hand
 * rather than with a CSV library: writing is these few lines, and the guard
 * against spreadsheet formulas below is ours to decide anyway.
 */
export type ClassRow = { source: string; graded: GradedSubmission } | { source: string; error: string };

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage
 * return before one) gets a leading apostrophe, so a student named
 * `=HYPERLINK(…)` stays text (OWASP, "CSV Injection").
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(text: string): string {
  const guarded = guardFormula(text);
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

const csvLine = (fields: readonly string[]) => fields.map(csvField).join(',');

/** One column per goal of every lesson in the table, named `lesson / goal (weight)`. */
function goalColumns(rows: readonly ClassRow[]): Array<{ lessonId: string; goalId: string; title: string }> {
  const seen = new Map<string, { lessonId: string; goalId: string; title: string }>();
  for (const row of rows) {
    if (!('graded' in row)) continue;
    const { lesson, score } = row.graded;
    for (const goal of score.goals) {
      const key = JSON.stringify([lesson.id, goal.id]);
      if (!seen.has(key))
        seen.set(key, {
          lessonId: lesson.id,
          goalId: goal.id,
          title: `${lesson.id} / ${goal.id} (weight ${goal.weight})`,
        });
    }
  }
  return [...seen.values()];
}

export function classCsv(rows: readonly ClassRow[]): string {
  const goals = goalColumns(rows);
  const header = [
    'Student',
    'Lesson',
    'Lesson fingerprint',
    'Submitted',
    'Earned %',
    'Claimed %',
    'Claim matches design',
    ...goals.map((g) => g.title),
    'Problem',
  ];
  const lines = rows.map((row) => {
    if (!('graded' in row)) return ['', '', '', '', '', '', '', ...goals.map(() => ''), `${row.source}: ${row.error}`];
    const g = row.graded;
    const met = new Map(g.score.goals.map((goal) => [goal.id, goal.met]));
    return [
      g.student,
      g.lesson.title,
      g.lesson.fingerprint,
      g.submittedAt,
      String(g.score.percent),
      String(g.claimed.percent),
      g.claimProblem ? 'no' : 'yes',
      ...goals.map((c) => (c.lessonId !== g.lesson.id ? '' : met.get(c.goalId) ? 'met' : 'not met')),
      g.claimProblem ?? '',
    ];
  });
  return [header, ...lines].map(csvLine).join('\r\n') + '\r\n';
}
