import { Search } from 'lucide-react';
import { useState } from 'react';
import { PALETTE_MIME, searchPalette } from '../canvas/palette';
import { addFromPalette, selectPrimarySelection, useViewStore } from '../store';

/** The resource palette: drag an item onto the canvas, or click it to add it to the selected container. */
export function Palette() {
  const [query, setQuery] = useState('');
  const groups = searchPalette(query);
  const selected = useViewStore(selectPrimarySelection);
  return (
    <nav
      aria-label="Palette"
      className="flex w-56 shrink-0 flex-col border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="relative p-2">
        <Search size={14} className="absolute top-1/2 left-4 -translate-y-1/2 text-slate-400" aria-hidden />
        <input
          type="search"
          aria-label="Search resources"
          placeholder="Search resources"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="w-full rounded-md border border-slate-300 bg-white py-1.5 pr-2 pl-7 text-sm focus:border-teal-600 focus:outline-none dark:border-slate-700 dark:bg-slate-950"
        />
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
                  <button
                    type="button"
                    draggable
                    data-palette-item={item.id}
                    title={`${item.hint}. Drag onto the canvas, or click to add to the selection.`}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(PALETTE_MIME, JSON.stringify(item.spec));
                      e.dataTransfer.effectAllowed = 'copy';
                    }}
                    onClick={(e) => {
                      const result = addFromPalette(item.spec, selected);
                      if (!result.ok) useViewStore.getState().sayAtPointer(e.clientX, e.clientY, result.reason);
                    }}
                    className="flex w-full cursor-grab items-center gap-2 rounded-md px-1.5 py-1 text-left text-sm hover:bg-slate-100 active:cursor-grabbing dark:hover:bg-slate-800"
                  >
                    <img src={item.icon} alt="" className="h-6 w-6 shrink-0 rounded-sm bg-white" draggable={false} />
                    <span className="truncate">{item.label}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </nav>
  );
}
