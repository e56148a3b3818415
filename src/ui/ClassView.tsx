import { CheckCircle2, Download, FileUp, LoaderCircle, TriangleAlert, XCircle } from 'lucide-react';
import { useState, type DragEvent } from 'react';
import { classCsv, type ClassRow } from '../scenarios/learn/classCsv';
import { downloadText } from '../store';
import { clearClass, gradeClass, setClassOpen, useGradingStore } from '../store/gradingStore';
import { JsonFilesButton } from './JsonFilesButton';
import { weightWords } from './learn/ScoreBar';
import { Modal } from './Modal';

const button =
  'inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800';
const cell = 'px-2 py-1.5 align-top';
const head = `${cell} text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300`;

/** A submission file is at most a few MB; anything far larger is refused before it is read. */
const MAX_FILE_BYTES = 6_000_000;

type Sort = 'added' | 'name' | 'score';

async function filesToItems(files: readonly File[]) {
  return Promise.all(
    files.map(async (file) =>
      file.size > MAX_FILE_BYTES
        ? {
            source: file.name,
            text: '',
            refused: `The file is larger than ${MAX_FILE_BYTES / 1_000_000} MB, far more than a submission.`,
          }
        : { source: file.name, text: await file.text() },
    ),
  );
}

function sorted(rows: readonly ClassRow[], sort: Sort): ClassRow[] {
  if (sort === 'added') return [...rows];
  const key = (row: ClassRow) => ('graded' in row ? row.graded : null);
  return [...rows].sort((a, b) => {
    const ga = key(a);
    const gb = key(b);
    if (!ga || !gb) return ga ? -1 : gb ? 1 : 0;
    return sort === 'name' ? ga.student.localeCompare(gb.student) : gb.score.percent - ga.score.percent;
  });
}

/**
 * The class view: a teacher pastes submission links (one a line) or drops
 * submission files; each is graded again in the worker, and the table can be
 * downloaded as CSV. Nothing leaves the browser.
 */
export function ClassView() {
  const open = useGradingStore((s) => s.classOpen);
  const rows = useGradingStore((s) => s.rows);
  const progress = useGradingStore((s) => s.progress);
  const [pasted, setPasted] = useState('');
  const [sort, setSort] = useState<Sort>('added');
  const [dragging, setDragging] = useState(false);

  const gradePasted = () => {
    const lines = pasted
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0) return;
    setPasted('');
    void gradeClass(lines.map((text, i) => ({ source: `line ${i + 1}`, text })));
  };
  const gradeFiles = async (files: readonly File[]) => void gradeClass(await filesToItems(files));
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void gradeFiles([...event.dataTransfer.files]);
  };

  return (
    <Modal
      open={open}
      onClose={() => setClassOpen(false)}
      title="Class view"
      panelClass="w-full max-w-5xl rounded-xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="mt-2 flex max-h-[80vh] flex-col gap-3 overflow-y-auto">
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Paste your students’ submission links, one a line, or drop their .nimbus-submission.json files. Each one is
          checked again by this Nimbus, so the earned score is the grade; nothing is uploaded.
        </p>
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`flex flex-col gap-2 rounded-lg border-2 border-dashed p-3 ${dragging ? 'border-teal-500' : 'border-slate-300 dark:border-slate-600'}`}
        >
          <label className="flex flex-col gap-1 text-sm font-medium">
            Submission links
            <textarea
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              rows={4}
              spellCheck={false}
              placeholder="https://…#s=n1.…"
              className="rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs font-normal dark:border-slate-600 dark:bg-slate-950"
            />
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" className={button} onClick={gradePasted} disabled={!pasted.trim()}>
              Grade the links
            </button>
            <JsonFilesButton
              className={button}
              testId="class-files-input"
              multiple
              onFiles={(files) => void gradeFiles(files)}
            >
              <FileUp size={16} aria-hidden /> Choose submission files…
            </JsonFilesButton>
            <span className="text-xs text-slate-500 dark:text-slate-400">or drop files here</span>
          </div>
        </div>
        {progress && (
          <p role="status" className="flex items-center gap-2 text-sm">
            <LoaderCircle size={14} className="animate-spin" aria-hidden /> Checking submissions: {progress.done} of{' '}
            {progress.total}
          </p>
        )}
        {rows.length > 0 && (
          <>
            <div className="flex flex-wrap items-center gap-2">
              <label className="text-sm">
                Sort by{' '}
                <select
                  value={sort}
                  onChange={(e) => setSort(e.target.value as Sort)}
                  className="rounded-md border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900"
                >
                  <option value="added">order added</option>
                  <option value="name">student name</option>
                  <option value="score">earned score</option>
                </select>
              </label>
              <button
                type="button"
                className={`${button} ml-auto`}
                onClick={() => downloadText('class-grades.csv', classCsv(rows), 'text/csv')}
              >
                <Download size={16} aria-hidden /> Download CSV
              </button>
              <button type="button" className={button} onClick={clearClass}>
                Clear
              </button>
            </div>
            <ClassTable rows={sorted(rows, sort)} />
          </>
        )}
      </div>
    </Modal>
  );
}

function ClassTable({ rows }: { rows: readonly ClassRow[] }) {
  return (
    <table aria-label="Class grades" className="w-full border-collapse text-sm">
      <thead className="border-b border-slate-200 dark:border-slate-700">
        <tr>
          <th scope="col" className={head}>
            Student
          </th>
          <th scope="col" className={head}>
            Lesson
          </th>
          <th scope="col" className={head}>
            Goals
          </th>
          <th scope="col" className={head}>
            Earned
          </th>
          <th scope="col" className={head}>
            Claimed
          </th>
          <th scope="col" className={head}>
            Submitted (UTC)
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {rows.map((row, index) =>
          'graded' in row ? (
            <tr key={index} data-testid="class-row">
              <td className={`${cell} font-medium break-all`}>{row.graded.student}</td>
              <td className={cell}>
                {row.graded.lesson.title}
                <span className="block font-mono text-[11px] text-slate-500 dark:text-slate-400">
                  {row.graded.lesson.fingerprint}
                </span>
              </td>
              <td className={cell}>
                <ul className="flex flex-col gap-0.5">
                  {row.graded.score.goals.map((goal) => (
                    <li key={goal.id} className="flex items-center gap-1 text-xs" title={goal.detail}>
                      {goal.met ? (
                        <CheckCircle2 size={14} className="shrink-0 text-emerald-600" aria-label="met" />
                      ) : (
                        <XCircle size={14} className="shrink-0 text-red-600 dark:text-red-400" aria-label="not met" />
                      )}
                      {goal.id} ({weightWords(goal.weight)})
                    </li>
                  ))}
                </ul>
              </td>
              <td className={`${cell} font-semibold`} data-testid="earned">
                {row.graded.score.percent}%
              </td>
              <td className={cell} data-testid="claimed">
                {row.graded.claimed.percent}%
                {row.graded.claimProblem && (
                  <span className="mt-0.5 flex gap-1 text-xs text-red-700 dark:text-red-300" data-testid="mismatch">
                    <TriangleAlert size={14} className="shrink-0" aria-hidden />
                    {row.graded.claimProblem}
                  </span>
                )}
              </td>
              <td className={`${cell} text-xs`}>
                {row.graded.submittedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')}
              </td>
            </tr>
          ) : (
            <tr key={index} data-testid="class-row">
              <td colSpan={6} className={`${cell} text-red-700 dark:text-red-300`}>
                {row.source}: {row.error}
              </td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
