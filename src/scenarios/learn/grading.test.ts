import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeJsonSnapshot } from '../../share/urlCodec';
import { readSubmissionSnapshot, submissionUrl } from '../../share/submission';
import { classCsv, csvField, guardFormula, type ClassRow } from './classCsv';
import { evaluateGoals } from './evaluate';
import { claimProblem, gradeSubmission, type GradedSubmission } from './grade';
import { LESSONS } from './lessons';
import { parseLesson, type Lesson } from './schema';
import { percentOf, scoreGoals } from './score';
import { SOLUTIONS } from './solutions';
import { makeSubmission, MAX_STUDENT_NAME, readSubmission } from './submission';

const BASE = 'https://nimbus.example/app/';
const nacl = LESSONS.find((l) => l.id === 'nacl-vs-sg')!;
const solved = SOLUTIONS['nacl-vs-sg']!(nacl.start);

/** What the student's page sends: the claim is the score it computed on the same design. */
function submit(lesson: Lesson, design = lesson.start, overrides: Partial<Parameters<typeof makeSubmission>[0]> = {}) {
  const score = scoreGoals(lesson.goals, evaluateGoals(design, lesson.goals));
  return makeSubmission({
    student: 'Ada Lovelace',
    submittedAt: new Date(Date.UTC(2026, 11, 2, 9, 30)),
    lesson: { builtIn: lesson.id },
    design,
    liveStates: {},
    claimed: { percent: score.percent, met: score.goals.filter((g) => g.met).map((g) => g.id) },
    ...overrides,
  });
}

const linkOf = (submission: unknown) => {
  const link = submissionUrl(submission, BASE);
  if (!link.ok) throw new Error(link.message);
  return link.url;
};

async function graded(text: string): Promise<GradedSubmission> {
  const result = await gradeSubmission(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('goal weights', () => {
  it('default to 1, so a file written before weights opens unchanged and every goal counts the same', () => {
    const example = /```json\n([\s\S]*?)```/.exec(readFileSync('docs/learn-format.md', 'utf8'))![1]!;
    const json = JSON.parse(example) as { goals: Array<Record<string, unknown>> };
    expect(json.goals.some((g) => 'weight' in g)).toBe(false);
    const parsed = parseLesson(json);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.lesson.goals.map((g) => g.weight)).toEqual([1, 1]);
    const score = scoreGoals(parsed.lesson.goals, evaluateGoals(parsed.lesson.start, parsed.lesson.goals));
    expect(score).toMatchObject({ percent: 50, earnedWeight: 1, totalWeight: 2 });
  });

  it('must be positive and at most 100', () => {
    const lesson = JSON.parse(JSON.stringify(nacl)) as { goals: Array<{ weight: unknown }> };
    lesson.goals[0]!.weight = 0;
    lesson.goals[1]!.weight = 1000;
    const parsed = parseLesson(lesson);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.some((e) => e.startsWith('goals.0.weight:'))).toBe(true);
      expect(parsed.errors.some((e) => e.startsWith('goals.1.weight:'))).toBe(true);
    }
  });

  it('give partial credit by weight only: the NACL lesson’s guard goal alone earns 1 of 4', () => {
    expect(nacl.goals.map((g) => g.weight)).toEqual([3, 1]);
    const start = scoreGoals(nacl.goals, evaluateGoals(nacl.start, nacl.goals));
    expect(start).toMatchObject({ percent: 25, earnedWeight: 1, totalWeight: 4 });
    expect(start.goals[0]).toMatchObject({ met: false, weight: 3 });
    // The reason names the hop and rule that decide.
    expect(start.goals[0]!.detail).toContain('web-acl');
    expect(scoreGoals(nacl.goals, evaluateGoals(solved, nacl.goals)).percent).toBe(100);
  });

  it('count a goal without a verdict as not met, and round down', () => {
    const goals = [
      { id: 'a', text: 'A', weight: 2 },
      { id: 'b', text: 'B', weight: 1 },
    ];
    expect(scoreGoals(goals, [{ id: 'a', met: true, detail: '' }])).toMatchObject({ percent: 66, earnedWeight: 2 });
    expect(scoreGoals(goals, [])).toMatchObject({ percent: 0 });
    expect(percentOf(0.1 + 0.2, 0.3)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
  });
});

describe('submissions', () => {
  it('round-trip through a #s= link and a file, graded by the engines', async () => {
    const submission = submit(nacl, solved);
    const url = linkOf(submission);
    expect(url.startsWith(`${BASE}#s=n1.`)).toBe(true);
    expect(readSubmissionSnapshot(url)).toBe(url.slice(url.indexOf('#s=') + 3));
    for (const text of [url, url.slice(url.indexOf('#')), JSON.stringify(submission, null, 2)]) {
      const result = await graded(text);
      expect(result).toMatchObject({
        student: 'Ada Lovelace',
        submittedAt: '2026-12-02T09:30:00.000Z',
        lesson: { id: 'nacl-vs-sg', builtIn: true },
        score: { percent: 100 },
        claimed: { percent: 100 },
        claimProblem: null,
      });
      expect(result.lesson.fingerprint).toMatch(/^[0-9a-f]{12}$/);
      expect(result.design).toBeUndefined();
    }
    expect((await gradeSubmission(url, { withDesign: true })).ok && (await graded(url)).student).toBe('Ada Lovelace');
  });

  it('grade an honest partial attempt at its weighted percentage', async () => {
    const result = await graded(linkOf(submit(nacl)));
    expect(result.score.percent).toBe(25);
    expect(result.claimProblem).toBeNull();
  });

  it('earn what the design earns, not what the claim says, and say so when they differ', async () => {
    const tampered = submit(nacl, nacl.start, {
      claimed: { percent: 100, met: ['web-serves-https', 'ssh-stays-closed'] },
    });
    const result = await graded(linkOf(tampered));
    expect(result.score.percent).toBe(25);
    expect(result.claimed.percent).toBe(100);
    expect(result.claimProblem).toBe(
      'claimed 100%, earns 25%: the claim does not match the design (it does not meet web-serves-https)',
    );
    // The same percentage with other goals claimed is a mismatch too.
    const score = scoreGoals(nacl.goals, evaluateGoals(nacl.start, nacl.goals));
    expect(claimProblem(score, { percent: 25, met: ['web-serves-https'] })).toContain('does not match');
  });

  it('carry a teacher’s own challenge whole, and check it again', async () => {
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(readFileSync('docs/learn-format.md', 'utf8'))![1]!);
    const parsed = parseLesson(example);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const result = await graded(linkOf(submit(parsed.lesson, parsed.lesson.start, { lesson: { challenge: example } })));
    expect(result.lesson).toMatchObject({ id: 'open-https', builtIn: false });
    expect(result.score.percent).toBe(50);
    // An edited challenge has another fingerprint, so it stands out beside the class's others.
    const edited = structuredClone(example) as { title: string };
    edited.title = 'Something else';
    const other = await graded(linkOf(submit(parsed.lesson, parsed.lesson.start, { lesson: { challenge: edited } })));
    expect(other.lesson.fingerprint).not.toBe(result.lesson.fingerprint);
  });

  it('explain corrupt or hostile input without throwing', async () => {
    const url = linkOf(submit(nacl));
    const cases: Array<[string, RegExp]> = [
      ['', /not a submission link/],
      ['hello', /not a submission link/],
      [`${BASE}#d=${url.slice(url.indexOf('n1.'))}`, /not a submission link/],
      [url.slice(0, -40), /incomplete|damaged/],
      [`${BASE}#s=n1.@@@`, /damaged/],
      ['{ not json', /not JSON/],
      [`${BASE}#s=${encodeJsonSnapshot({ format: 'nimbus-design' })}`, /not a submission Nimbus can read: format/],
      [linkOf({ ...(submit(nacl) as object), student: 'x'.repeat(MAX_STUDENT_NAME + 1) }), /longer than 80/],
      [linkOf({ ...(submit(nacl) as object), student: 'Ada\n=1+1' }), /line break/],
      [linkOf({ ...(submit(nacl) as object), submittedAt: 'yesterday' }), /submittedAt/],
      [linkOf({ ...(submit(nacl) as object), lesson: { builtIn: 'constructor' } }), /not in this Nimbus's course/],
      [linkOf({ ...(submit(nacl) as object), lesson: { challenge: { format: 'x' } } }), /challenge can't be used/],
      [
        linkOf({ ...(submit(nacl) as object), design: { format: 'nimbus-design', version: 99 } }),
        /design can't be opened/,
      ],
    ];
    for (const [text, message] of cases) {
      const result = await gradeSubmission(text);
      expect(result.ok, text.slice(0, 80)).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
    }
    // A name is kept as text: markup is not interpreted here, and the page renders it as text.
    const marked = readSubmission(linkOf({ ...(submit(nacl) as object), student: '<img src=x onerror=alert(1)>' }));
    expect(marked.ok && marked.submission.student).toBe('<img src=x onerror=alert(1)>');
  });

  it('refuse to make a link longer than a link may be, pointing to the file', () => {
    // Random text does not compress, so the snapshot stays long.
    let noise = '';
    for (let i = 0; noise.length < 700_000; i++) noise += Math.imul(i + 1, 2654435761).toString(36);
    const link = submissionUrl({ noise }, BASE);
    expect(link.ok).toBe(false);
    if (!link.ok) expect(link.message).toMatch(/Download the submission file instead/);
  });
});

describe('the class CSV', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Lovelace, Ada')).toBe('"Lovelace, Ada"');
    expect(csvField('Ada "the first" L.')).toBe('"Ada ""the first"" L."');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
  });

  it('keeps cells a spreadsheet would run as formulas as text', () => {
    for (const cell of ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\t=1'])
      expect(guardFormula(cell)).toBe(`'${cell}`);
    expect(guardFormula('Ada')).toBe('Ada');
    expect(csvField('=1+2,3')).toBe(`"'=1+2,3"`);
  });

  it('has a row per submission with each goal, the earned and claimed scores and the problem', async () => {
    const complete = await graded(linkOf(submit(nacl, solved, { student: 'Lovelace, Ada' })));
    const tampered = await graded(
      linkOf(submit(nacl, nacl.start, { student: '=cmd|"/c calc"', claimed: { percent: 100, met: [] } })),
    );
    const rows: ClassRow[] = [
      { source: 'line 1', graded: complete },
      { source: 'line 2', graded: tampered },
      { source: 'line 3', error: 'The link is damaged.' },
    ];
    const lines = classCsv(rows).split('\r\n');
    expect(lines[0]).toBe(
      'Student,Lesson,Lesson fingerprint,Submitted,Earned %,Claimed %,Claim matches design,nacl-vs-sg / web-serves-https (weight 3),nacl-vs-sg / ssh-stays-closed (weight 1),Problem',
    );
    const title = csvField(nacl.title);
    const fp = complete.lesson.fingerprint;
    expect(lines[1]).toBe(`"Lovelace, Ada",${title},${fp},2026-12-02T09:30:00.000Z,100,100,yes,met,met,`);
    expect(lines[2]).toBe(
      `"'=cmd|""/c calc""",${title},${fp},2026-12-02T09:30:00.000Z,25,100,no,not met,met,"claimed 100%, earns 25%: the claim does not match the design"`,
    );
    expect(lines[3]).toBe(',,,,,,,,,line 3: The link is damaged.');
    expect(lines[4]).toBe('');
  });
});
