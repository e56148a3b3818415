import { Download, Send } from 'lucide-react';
import { useState } from 'react';
import { downloadText, useViewStore } from '../../store';
import { makeActiveSubmission, rememberedStudentName } from '../../store/gradingStore';

const button =
  'inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800';

/**
 * Handing in: the student's name (remembered on this device), then a link to
 * send or a file to download. The teacher's page grades it again; the score
 * in it is only compared.
 */
export function SubmitWork() {
  const [name, setName] = useState(rememberedStudentName);
  const [busy, setBusy] = useState(false);
  const notify = useViewStore((s) => s.notify);

  async function submit(as: 'link' | 'file') {
    setBusy(true);
    try {
      const made = await makeActiveSubmission(name, location.origin + location.pathname);
      if (!made.ok) return void notify({ tone: 'error', title: made.message });
      if (as === 'file') {
        downloadText(made.fileName, JSON.stringify(made.submission, null, 2));
        return;
      }
      if (!made.link.ok) return void notify({ tone: 'error', title: made.link.message });
      const url = made.link.url;
      try {
        await navigator.clipboard.writeText(url);
        notify({
          tone: 'info',
          title: `Submission link copied (${url.length.toLocaleString('en-US')} characters). Send it to your teacher: their Nimbus checks every goal again.`,
        });
      } catch {
        notify({ tone: 'info', title: 'Copy this submission link:', details: [url] });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-label="Submit your work" className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <h3 className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        Submit your work
      </h3>
      <label className="mt-2 flex flex-col gap-1 text-sm">
        Your name
        <input
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
          autoComplete="name"
        />
      </label>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={button} disabled={busy} onClick={() => void submit('link')}>
          <Send size={16} aria-hidden /> Copy submission link
        </button>
        <button type="button" className={button} disabled={busy} onClick={() => void submit('file')}>
          <Download size={16} aria-hidden /> Download submission file
        </button>
      </div>
      <p className="mt-1.5 text-xs text-slate-500 dark:text-slate-400">
        The link holds your design, your name and this score; nothing is uploaded. Your teacher’s Nimbus checks the
        goals again, so the grade is what the design earns.
      </p>
    </section>
  );
}
