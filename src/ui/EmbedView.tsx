import { ExternalLink } from 'lucide-react';
import { Canvas } from '../canvas/Canvas';
import { kindView } from '../canvas/kinds/registry';
import { kindLabel, type Kind } from '../domain';
import { appUrlOfEmbed, readLinkIntent, selectDesign, useDesignStore, useLibraryStore, useViewStore } from '../store';
import { HintProvider } from './Hint';
import { NoticeToasts } from './NoticeToasts';

/** What a resource is, as the palette names it ("EC2 instance"), else as sentences do ("an instance"). */
const kindName = (kind: Kind): string => kindView(kind).palette?.[0]?.label ?? kindLabel(kind);

/** What is selected, in a small card over the canvas: the embed has no side panel. */
function SelectionCard() {
  const design = useDesignStore(selectDesign);
  const selection = useViewStore((s) => s.selection);
  const resource = selection.length === 1 ? design.resources[selection[0]!] : undefined;
  if (!resource) return null;
  return (
    <section
      aria-label="Selected resource"
      className="absolute bottom-3 left-3 max-w-72 rounded-lg border border-slate-200 bg-white/95 px-3 py-2 text-sm shadow-md dark:border-slate-700 dark:bg-slate-900/95"
    >
      <p className="text-xs text-slate-500 dark:text-slate-400">{kindName(resource.kind)}</p>
      <p className="font-semibold break-words">{resource.name}</p>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
        Open it in Nimbus to see its settings, check reachability and simulate it.
      </p>
    </section>
  );
}

/**
 * The embed page (embed.html#view=…): the design alone, read-only, for an
 * iframe on a course page. Pan, zoom and click to see what a box is; no
 * header, palette or side panel, and a link that opens the full app in a new tab.
 */
export function EmbedView() {
  const name = useDesignStore((s) => selectDesign(s).name);
  const showing = useLibraryStore((s) => s.viewOnly);
  const hasLink = readLinkIntent(location.hash).kind === 'view';
  return (
    <HintProvider delayDuration={400}>
      <main aria-label="Embedded design" className="relative h-full">
        {/* Without a view link the page shows nothing of the visitor's own designs. */}
        {hasLink && showing && <Canvas />}
        {!hasLink && (
          <p className="p-6 text-sm text-slate-600 dark:text-slate-300">
            This page shows a design from a Nimbus embed link (embed.html#view=…); this address has none.
          </p>
        )}
        <div className="pointer-events-none absolute top-3 right-3 left-3 flex items-start justify-between gap-3">
          <span className="truncate rounded-md bg-white/90 px-2 py-1 text-sm font-medium shadow-sm dark:bg-slate-900/90">
            {hasLink && showing ? name : ''}
          </span>
          <a
            href={appUrlOfEmbed(location.href)}
            target="_blank"
            rel="noopener noreferrer"
            className="pointer-events-auto inline-flex shrink-0 items-center gap-1.5 rounded-md bg-teal-700 px-2.5 py-1 text-sm font-medium text-white shadow-sm hover:bg-teal-800"
          >
            Open in Nimbus
            <ExternalLink size={14} aria-hidden />
            <span className="sr-only">(opens a new tab)</span>
          </a>
        </div>
        <SelectionCard />
      </main>
      <NoticeToasts />
    </HintProvider>
  );
}
