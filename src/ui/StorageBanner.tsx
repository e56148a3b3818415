import { HardDriveDownload, ShieldAlert } from 'lucide-react';
import { useStorageStatus } from '../store';
import { saveDesignFile } from './saveDesignFile';

/** Stays while storage is blocked: unlike a notice it can't be dismissed, because every edit is at stake. */
export function StorageBanner() {
  const inMemory = useStorageStatus((s) => s.inMemory);
  if (!inMemory) return null;
  return (
    <div
      role="status"
      aria-label="Storage blocked"
      className="flex items-center gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <ShieldAlert size={18} className="shrink-0" aria-hidden />
      <p className="min-w-0 flex-1 font-medium">
        Your browser blocks storage: designs won&rsquo;t be kept; save files instead.
      </p>
      <button
        type="button"
        onClick={saveDesignFile}
        className="inline-flex shrink-0 items-center gap-1.5 rounded border border-current px-2 py-0.5 text-xs font-medium"
      >
        <HardDriveDownload size={14} aria-hidden /> Save as file
      </button>
    </div>
  );
}
