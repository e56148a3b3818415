import {
  ArrowLeft,
  CheckCircle2,
  Circle,
  FileUp,
  GraduationCap,
  Lightbulb,
  Link2,
  LoaderCircle,
  RotateCcw,
  Trophy,
  Users,
} from 'lucide-react';
import type { Lesson } from '../scenarios/learn';
import { LESSONS } from '../scenarios/learn/lessons';
import { challengeUrl } from '../share/links';
import { scoreGoals } from '../scenarios/learn/score';
import { setClassOpen, useGradingStore } from '../store/gradingStore';
import { ClassView } from './ClassView';
import { JsonFilesButton } from './JsonFilesButton';
import { ScoreBar, weightWords } from './learn/ScoreBar';
import { SubmissionReview } from './learn/SubmissionReview';
import { SubmitWork } from './learn/SubmitWork';
import {
  describeWorkerError,
  leaveLesson,
  openEntry,
  parseLessonText,
  showHint,
  startLesson,
  useLearnStore,
  useLibraryStore,
  useViewStore,
} from '../store';

const button =
  'inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800';

async function openChallengeFile(file: File): Promise<void> {
  const { notify } = useViewStore.getState();
  let parsed: Awaited<ReturnType<typeof parseLessonText>>;
  try {
    parsed = await parseLessonText(await file.text());
  } catch (error) {
    parsed = { ok: false, notJson: false, errors: [describeWorkerError(error)] };
  }
  if (!parsed.ok && parsed.notJson) {
    notify({ tone: 'error', title: `${file.name} is not a challenge file: it is not JSON. Nothing was changed.` });
    return;
  }
  if (!parsed.ok) {
    notify({
      tone: 'error',
      title: `${file.name} is not a challenge Nimbus can use. Nothing was changed.`,
      details: parsed.errors.slice(0, 8),
    });
    return;
  }
  startLesson(parsed.lesson, { fresh: true });
}

async function copyChallengeLink(lesson: Lesson): Promise<void> {
  const url = challengeUrl(lesson, location.origin + location.pathname);
  const { notify } = useViewStore.getState();
  try {
    await navigator.clipboard.writeText(url);
    notify({
      tone: 'info',
      title: `Challenge link copied (${url.length.toLocaleString('en-US')} characters): it opens “${lesson.title}” with its goals.`,
    });
  } catch {
    notify({ tone: 'info', title: 'Copy this link:', details: [url] });
  }
}

function LessonList() {
  const completed = useLearnStore((s) => s.completed);
  const attempts = useLearnStore((s) => s.attempts);
  const groups: Array<[string, Lesson[]]> = [
    ['Lessons', LESSONS.filter((l) => l.kind === 'lesson')],
    ['Challenges: find and fix', LESSONS.filter((l) => l.kind === 'challenge')],
  ];
  return (
    <div className="flex flex-col gap-4 p-4">
      <div className="flex items-start gap-3">
        <GraduationCap size={22} className="mt-0.5 shrink-0 text-teal-700 dark:text-teal-300" aria-hidden />
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Learn by doing: each lesson opens a design as a new entry in your library and checks its goals as you edit.
          {completed.length > 0 && ` You have finished ${completed.length} of ${LESSONS.length}.`}
        </p>
      </div>
      {groups.map(([title, lessons]) => (
        <section key={title}>
          <h3 className="mb-1.5 text-[11px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
            {title}
          </h3>
          <ol aria-label={title} className="flex flex-col gap-1">
            {lessons.map((lesson) => {
              const done = completed.includes(lesson.id);
              return (
                <li key={lesson.id}>
                  <button
                    type="button"
                    onClick={() => startLesson(lesson)}
                    className="flex w-full items-start gap-2.5 rounded-md px-2 py-1.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
                  >
                    {done ? (
                      <CheckCircle2 size={18} className="mt-0.5 shrink-0 text-emerald-600" aria-label="done" />
                    ) : (
                      <Circle size={18} className="mt-0.5 shrink-0 text-slate-300 dark:text-slate-600" aria-hidden />
                    )}
                    <span>
                      <span className="block text-sm font-medium">
                        {lesson.title}
                        {attempts[lesson.id] && !done && (
                          <span className="ml-2 text-xs font-normal text-amber-700 dark:text-amber-300">
                            in progress
                          </span>
                        )}
                      </span>
                      <span className="block text-xs text-slate-500 dark:text-slate-400">{lesson.topic}</span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      <div className="border-t border-slate-200 pt-3 dark:border-slate-800">
        <JsonFilesButton
          className={button}
          testId="open-challenge-input"
          onFiles={([file]) => void openChallengeFile(file!)}
        >
          <FileUp size={16} aria-hidden /> Open a challenge file…
        </JsonFilesButton>
        <p className="mt-1 px-2.5 text-xs text-slate-500 dark:text-slate-400">
          Teachers write challenges as JSON files (a design plus goals); see docs/learn-format.md.
        </p>
        <button type="button" className={`${button} mt-2`} onClick={() => setClassOpen(true)}>
          <Users size={16} aria-hidden /> Class view…
        </button>
        <p className="mt-1 px-2.5 text-xs text-slate-500 dark:text-slate-400">
          For teachers: paste students’ submission links or drop their files, and get a table of grades (CSV).
        </p>
      </div>
    </div>
  );
}

function ActiveLesson({ lesson, entryId }: { lesson: Lesson; entryId: string }) {
  const results = useLearnStore((s) => s.results);
  const checking = useLearnStore((s) => s.checking);
  const hintsShown = useLearnStore((s) => s.hintsShown);
  const onItsDesign = useLibraryStore((s) => s.currentId === entryId && !s.viewOnly);
  const verdicts = new Map(results?.map((r) => [r.id, r]) ?? []);
  const complete = onItsDesign && results !== null && results.length > 0 && results.every((r) => r.met);
  const score = onItsDesign && results ? scoreGoals(lesson.goals, results) : null;
  const weighted = lesson.goals.some((g) => g.weight !== 1);
  return (
    <div
      className="flex flex-col gap-3 p-4"
      aria-label={`${lesson.kind === 'challenge' ? 'Challenge' : 'Lesson'}: ${lesson.title}`}
    >
      <div className="flex items-center justify-between">
        <button type="button" className={`${button} -ml-2`} onClick={leaveLesson}>
          <ArrowLeft size={16} aria-hidden /> All lessons
        </button>
        <button
          type="button"
          className={`${button} ml-auto`}
          title="Open the starting design again as a new design (this attempt stays in the library)"
          onClick={() => startLesson(lesson, { fresh: true })}
        >
          <RotateCcw size={16} aria-hidden /> Start over
        </button>
        <button type="button" className={button} onClick={() => void copyChallengeLink(lesson)}>
          <Link2 size={16} aria-hidden /> Copy {lesson.kind} link
        </button>
      </div>
      <div>
        <p className="text-[11px] font-semibold tracking-wide text-teal-700 uppercase dark:text-teal-300">
          {lesson.kind === 'challenge' ? 'Challenge' : `Lesson ${lesson.order}`} · {lesson.topic}
        </p>
        <h2 className="text-lg font-semibold">{lesson.title}</h2>
      </div>
      {complete && (
        <div
          role="status"
          className="flex items-center gap-2 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
        >
          <Trophy size={18} aria-hidden /> {lesson.kind === 'challenge' ? 'Challenge' : 'Lesson'} complete: every goal
          is met.
        </div>
      )}
      <div className="flex flex-col gap-2 text-sm leading-relaxed text-slate-700 dark:text-slate-300">
        {lesson.explanation.map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </div>
      {!onItsDesign && (
        <div className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          This {lesson.kind}’s design is not the one open, so its goals are not being checked.{' '}
          <button type="button" className="font-semibold underline" onClick={() => openEntry(entryId)}>
            Go back to it
          </button>
        </div>
      )}
      <h3 className="mt-1 flex items-center gap-2 text-[11px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        Goals
        {onItsDesign && results && (
          <span className="font-normal normal-case">
            · {results.filter((r) => r.met).length} of {results.length} met
          </span>
        )}
        {checking && <LoaderCircle size={12} className="animate-spin" aria-label="checking" />}
      </h3>
      {score && <ScoreBar score={score} />}
      <ul aria-label="Goals" className="flex flex-col gap-2">
        {lesson.goals.map((goal) => {
          const verdict = verdicts.get(goal.id);
          const met = onItsDesign && verdict?.met === true;
          return (
            <li
              key={goal.id}
              aria-label={goal.text}
              data-met={met ? 'true' : 'false'}
              className={`rounded-lg border px-3 py-2 ${
                met
                  ? 'border-emerald-300 bg-emerald-50/70 dark:border-emerald-800 dark:bg-emerald-950/50'
                  : 'border-slate-200 dark:border-slate-700'
              }`}
            >
              <div className="flex items-start gap-2">
                {met ? (
                  <CheckCircle2 size={18} className="mt-0.5 shrink-0 text-emerald-600" aria-label="met" />
                ) : (
                  <Circle size={18} className="mt-0.5 shrink-0 text-slate-400" aria-label="not met yet" />
                )}
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium">
                    {goal.text}
                    {weighted && (
                      <span className="ml-1 text-xs font-normal text-slate-500 dark:text-slate-400">
                        ({weightWords(goal.weight)})
                      </span>
                    )}
                  </p>
                  {verdict && onItsDesign && (
                    <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{verdict.detail}</p>
                  )}
                  {hintsShown.includes(goal.id) ? (
                    <p className="mt-1 flex gap-1.5 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">
                      <Lightbulb size={14} className="mt-px shrink-0" aria-hidden /> {goal.hint}
                    </p>
                  ) : (
                    !met && (
                      <button
                        type="button"
                        className="mt-1 text-xs font-medium text-teal-700 hover:underline dark:text-teal-300"
                        onClick={() => showHint(goal.id)}
                      >
                        Show a hint
                      </button>
                    )
                  )}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {onItsDesign && <SubmitWork />}
    </div>
  );
}

export function LearnPanel() {
  const active = useLearnStore((s) => s.active);
  const reviewing = useGradingStore((s) => s.reviewing);
  const viewOnly = useLibraryStore((s) => s.viewOnly);
  return (
    <>
      {reviewing && viewOnly ? (
        <SubmissionReview graded={reviewing} />
      ) : active ? (
        <ActiveLesson lesson={active.lesson} entryId={active.entryId} />
      ) : (
        <LessonList />
      )}
      <ClassView />
    </>
  );
}
