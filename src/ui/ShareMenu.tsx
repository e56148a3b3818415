import { Image, Link2, Share2 } from 'lucide-react';
import { exportDesignImage } from '../canvas/exportImage';
import { downloadDataUrl, selectDesign, shareUrl, useDesignStore, useViewStore, type LinkMode } from '../store';
import { fileSlug } from './fileNames';
import { MenuButton } from './MenuButton';

const item = 'flex w-full items-start gap-2 rounded-md px-3 py-2 text-left hover:bg-slate-100 dark:hover:bg-slate-800';

/** Where the link points: this page, without whatever fragment it was opened with. */
const appBase = () => location.origin + location.pathname;

async function copyLink(mode: Exclude<LinkMode, 'learn'>): Promise<void> {
  const design = useDesignStore.getState().history.present;
  const url = shareUrl(design, mode, appBase());
  const { notify } = useViewStore.getState();
  const chars = url.length.toLocaleString('en-US');
  try {
    await navigator.clipboard.writeText(url);
    notify({
      tone: 'info',
      title:
        mode === 'open'
          ? `Link copied (${chars} characters). Whoever opens it gets their own copy of “${design.name}”.`
          : `View-only link copied (${chars} characters): it shows “${design.name}” without editing.`,
      details: ['The design travels inside the link; nothing is uploaded.'],
    });
  } catch {
    // Clipboard refused (permissions, insecure page): show the link so it can be copied by hand.
    notify({ tone: 'info', title: 'Copy this link:', details: [url] });
  }
}

async function exportImage(format: 'png' | 'svg'): Promise<void> {
  const design = useDesignStore.getState().history.present;
  const dark = useViewStore.getState().theme === 'dark';
  try {
    const url = await exportDesignImage(design, format, dark ? '#0f172a' : '#ffffff');
    downloadDataUrl(`${fileSlug(design.name)}.${format}`, url);
  } catch (error) {
    useViewStore.getState().notify({
      tone: 'error',
      title: `The ${format.toUpperCase()} could not be drawn: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

export function ShareMenu({ buttonClass }: { buttonClass: string }) {
  const empty = Object.keys(useDesignStore(selectDesign).resources).length === 0;
  return (
    <MenuButton label="Share" icon={<Share2 size={16} aria-hidden />} buttonClass={buttonClass}>
      {(close) => {
        const run = (action: () => Promise<void>) => () => {
          close();
          void action();
        };
        return (
          <>
            <button type="button" role="menuitem" className={item} onClick={run(() => copyLink('open'))}>
              <Link2 size={16} className="mt-0.5 shrink-0" aria-hidden />
              <span>
                <span className="block text-sm font-medium">Copy link</span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">
                  Opens as a new design in the receiver’s library.
                </span>
              </span>
            </button>
            <button type="button" role="menuitem" className={item} onClick={run(() => copyLink('view'))}>
              <Link2 size={16} className="mt-0.5 shrink-0" aria-hidden />
              <span>
                <span className="block text-sm font-medium">Copy view-only link</span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">
                  For course pages and reviews: look, inspect, simulate; no edits.
                </span>
              </span>
            </button>
            <div className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
            {(['png', 'svg'] as const).map((format) => (
              <button
                key={format}
                type="button"
                role="menuitem"
                className={`${item} disabled:opacity-40`}
                disabled={empty}
                onClick={run(() => exportImage(format))}
              >
                <Image size={16} className="mt-0.5 shrink-0" aria-hidden />
                <span className="text-sm font-medium">Export {format.toUpperCase()} image</span>
              </button>
            ))}
          </>
        );
      }}
    </MenuButton>
  );
}
