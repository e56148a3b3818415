import { ChevronsLeft, ChevronsRight, Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import { PALETTE_MIME, searchPalette, type PaletteItem } from '../canvas/palette';
import { addFromPalette, selectPrimarySelection, useViewStore } from '../store';

const railButton =
  'inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white';

/**
 * Whether the page has been idle once since it started. AWS's icons are files of
 * the build (canvas/icons.ts), so the palette's forty of them are requested only
 * then, after what the canvas draws first (and a link's worker) has loaded.
 */
let idleOnce = false;
const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1500 }) : setTimeout(run, 300);

function useIdleOnce(): boolean {
  const [idle, setIdle] = useState(idleOnce);
  useEffect(() => {
    if (idle) return;
    let live = true;
    whenIdle(() => {
      idleOnce = true;
      if (live) setIdle(true);
    });
    return () => void (live = false);
  }, [idle]);
  return idle;
}

/** One palette entry: drag it onto the canvas, or click it to add it to the selected container. */
function PaletteEntry({ item, iconOnly }: { item: PaletteItem; iconOnly: boolean }) {
  const selected = useViewStore(selectPrimarySelection);
  const showIcon = useIdleOnce();
  return (
    <button
      type="button"
      draggable
      data-palette-item={item.id}
      aria-label={iconOnly ? item.label : undefined}
      title={`${iconOnly ? `${item.label}: ` : ''}${item.hint}. Drag onto the canvas, or click to add to the selection.`}
      onDragStart={(e) => {
        e.dataTransfer.setData(PALETTE_MIME, JSON.stringify(item.spec));
        e.dataTransfer.effectAllowed = 'copy';
      }}
      onClick={(e) => {
        const result = addFromPalette(item.spec, selected);
        if (!result.ok) useViewStore.getState().sayAtPointer(e.clientX, e.clientY, result.reason);
      }}
      className={
        iconOnly
          ? 'flex h-9 w-9 cursor-grab items-center justify-center rounded-md hover:bg-slate-100 active:cursor-grabbing dark:hover:bg-slate-800'
          : 'flex w-full cursor-grab items-center gap-2 rounded-md px-1.5 py-1 text-left text-sm hover:bg-slate-100 active:cursor-grabbing dark:hover:bg-slate-800'
      }
    >
      {showIcon ? (
        <img src={item.icon} alt="" className="h-6 w-6 shrink-0 rounded-sm bg-white" draggable={false} />
      ) : (
        <span aria-hidden className="h-6 w-6 shrink-0 rounded-sm bg-white" />
      )}
      {!iconOnly && <span className="truncate">{item.label}</span>}
    </button>
  );
}

/**
 * The resource palette: drag an item onto the canvas, or click it to add it to
 * the selected container. Collapsed, it is a rail of icons (each named by its
 * tooltip and label) that still drag and click; `expand` opens it when the
 * screen has room.
 */
export function Palette({
  collapsed = false,
  expand,
  collapse,
}: {
  collapsed?: boolean;
  expand?: () => void;
  collapse?: () => void;
}) {
  const [query, setQuery] = useState('');
  const groups = searchPalette(collapsed ? '' : query);
  if (collapsed)
    return (
      <nav
        aria-label="Palette"
        data-palette-rail
        className="flex h-full w-12 shrink-0 flex-col items-center border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
      >
        {expand && (
          <button
            type="button"
            aria-label="Expand the palette"
            title="Expand the palette"
            className={`${railButton} mt-1`}
            onClick={expand}
          >
            <ChevronsRight size={18} aria-hidden />
          </button>
        )}
        <div className="flex min-h-0 w-full flex-1 flex-col items-center overflow-y-auto pb-3">
          {groups.map((group) => (
            <section
              key={group.name}
              aria-label={group.name}
              className="flex flex-col items-center border-t border-slate-100 pt-1 first:border-t-0 dark:border-slate-800"
            >
              {group.items.map((item) => (
                <PaletteEntry key={item.id} item={item} iconOnly />
              ))}
            </section>
          ))}
        </div>
      </nav>
    );
  return (
    <nav
      aria-label="Palette"
      className="flex h-full w-full min-w-0 flex-col border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-center gap-1 p-2">
        <div className="relative min-w-0 flex-1">
          <Search size={14} className="absolute top-1/2 left-2 -translate-y-1/2 text-slate-400" aria-hidden />
          <input
            type="search"
            aria-label="Search resources"
            placeholder="Search resources"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className="w-full rounded-md border border-slate-300 bg-white py-1.5 pr-2 pl-7 text-sm focus:border-teal-600 focus:outline-none dark:border-slate-700 dark:bg-slate-950"
          />
        </div>
        {collapse && (
          <button
            type="button"
            aria-label="Collapse the palette"
            title="Collapse the palette"
            className={railButton}
            onClick={collapse}
          >
            <ChevronsLeft size={18} aria-hidden />
          </button>
        )}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto pb-3">
        {groups.length === 0 && <p className="px-3 py-2 text-sm text-slate-500">Nothing matches “{query}”.</p>}
        {groups.map((group) => (
          <section key={group.name} aria-label={group.name} className="px-2 pt-2">
            <h2 className="px-1 pb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
              {group.name}
            </h2>
            <ul>
              {group.items.map((item) => (
                <li key={item.id}>
                  <PaletteEntry item={item} iconOnly={false} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </nav>
  );
}
