import { PanelBottomOpen, PanelRightClose, PanelRightOpen, X } from 'lucide-react';
import { useState, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';
import {
  Group,
  Panel,
  Separator,
  useDefaultLayout,
  usePanelRef,
  type PanelImperativeHandle,
} from 'react-resizable-panels';
import { selectPrimarySelection, useViewStore } from '../store';
import { readPreference, uiStorage, writePreference } from './PanelLayoutStorage';

/**
 * How much room the screen has:
 * - `wide` (1024 px and more): a resizable, collapsible palette and side panel;
 * - `narrow` (768-1023 px): the palette as an icon rail, the side panel resizable;
 * - `phone` (less than 768 px): view-only use, the side panel as a bottom sheet.
 */
export type ScreenSize = 'wide' | 'narrow' | 'phone';

/** The widths the layout changes at, in CSS pixels. */
export const SCREEN_BREAKPOINTS = { narrow: 768, wide: 1024, roomyHeader: 1366 } as const;

function subscribeToResize(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

/** The window's width, kept current. */
export function useWindowWidth(): number {
  return useSyncExternalStore(subscribeToResize, () => window.innerWidth);
}

export function screenSizeFor(width: number): ScreenSize {
  if (width < SCREEN_BREAKPOINTS.narrow) return 'phone';
  return width < SCREEN_BREAKPOINTS.wide ? 'narrow' : 'wide';
}

export const useScreenSize = (): ScreenSize => screenSizeFor(useWindowWidth());

/** The palette drawn open, or as an icon rail whose button (when given) opens it. */
export type PaletteSlot = ComponentType<{ collapsed: boolean; expand?: () => void; collapse?: () => void }>;

export interface PanelLayoutProps {
  palette: PaletteSlot | null;
  canvas: ReactNode;
  side: ReactNode;
}

/** Width of the palette and side panel rails, in pixels. */
const RAIL = 48;

const separatorClass =
  'w-1.5 bg-slate-200 outline-none transition-colors hover:bg-teal-500 focus-visible:bg-teal-600 data-[separator=active]:bg-teal-600 dark:bg-slate-800 dark:hover:bg-teal-400';

const railButton =
  'inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white';

/** Keeps a collapsible panel's collapsed state in React state, read from the panel itself. */
function useCollapsed(panel: React.RefObject<PanelImperativeHandle | null>) {
  const [collapsed, setCollapsed] = useState(false);
  const onResize = () => setCollapsed(panel.current?.isCollapsed() ?? false);
  return { collapsed, onResize };
}

/** The side panel, or its rail with a button that opens it again. */
function SideSlot({
  side,
  collapsed,
  panel,
}: {
  side: ReactNode;
  collapsed: boolean;
  panel: React.RefObject<PanelImperativeHandle | null>;
}) {
  if (collapsed)
    return (
      <div className="flex h-full w-full flex-col items-center border-l border-slate-200 bg-white pt-2 dark:border-slate-800 dark:bg-slate-900">
        <button
          type="button"
          aria-label="Show the side panel"
          title="Show the side panel"
          className={railButton}
          onClick={() => panel.current?.expand()}
        >
          <PanelRightOpen size={18} aria-hidden />
        </button>
      </div>
    );
  return <div className="flex h-full w-full min-w-0 flex-col">{side}</div>;
}

/**
 * Palette, canvas and side panel in resizable panels (react-resizable-panels):
 * drag a handle or focus it and use the arrow keys; both sides collapse to a
 * rail. Sizes are remembered per screen size through the storage guard, and
 * only when the user changed them (a window resize is not a choice).
 */
function ResizableLayout({
  palette: PaletteView,
  canvas,
  side,
  railPalette,
}: PanelLayoutProps & { railPalette: boolean }) {
  const withPalettePanel = PaletteView !== null && !railPalette;
  const layout = useDefaultLayout({
    id: withPalettePanel ? 'nimbus.panels' : 'nimbus.panels.narrow',
    storage: uiStorage(),
    onlySaveAfterUserInteractions: true,
  });
  const paletteRef = usePanelRef();
  const sideRef = usePanelRef();
  const paletteState = useCollapsed(paletteRef);
  const sideState = useCollapsed(sideRef);
  return (
    <div className="flex min-h-0 min-w-0 flex-1">
      {PaletteView && railPalette && <PaletteView collapsed />}
      <Group
        orientation="horizontal"
        className="min-h-0 min-w-0 flex-1"
        defaultLayout={layout.defaultLayout}
        onLayoutChanged={layout.onLayoutChanged}
      >
        {withPalettePanel && (
          <>
            <Panel
              id="palette"
              panelRef={paletteRef}
              collapsible
              collapsedSize={RAIL}
              minSize={176}
              maxSize={320}
              defaultSize={200}
              groupResizeBehavior="preserve-pixel-size"
              onResize={paletteState.onResize}
              className="flex"
            >
              <PaletteView
                collapsed={paletteState.collapsed}
                expand={() => paletteRef.current?.expand()}
                collapse={() => paletteRef.current?.collapse()}
              />
            </Panel>
            <Separator id="palette-handle" aria-label="Resize the palette" className={separatorClass} />
          </>
        )}
        <Panel id="canvas" minSize="51%" className="flex">
          <div className="relative flex min-w-0 flex-1">
            {canvas}
            {!sideState.collapsed && (
              <button
                type="button"
                aria-label="Hide the side panel"
                title="Hide the side panel"
                onClick={() => sideRef.current?.collapse()}
                className="absolute top-14 right-3 z-10 inline-flex h-8 w-8 items-center justify-center rounded-md border border-slate-200 bg-white/95 text-slate-600 shadow-sm hover:text-slate-900 dark:border-slate-700 dark:bg-slate-900/95 dark:text-slate-300 dark:hover:text-white"
              >
                <PanelRightClose size={16} aria-hidden />
              </button>
            )}
          </div>
        </Panel>
        <Separator id="side-handle" aria-label="Resize the side panel" className={separatorClass} />
        <Panel
          id="side"
          panelRef={sideRef}
          collapsible
          collapsedSize={RAIL}
          minSize={288}
          maxSize="45%"
          defaultSize="30%"
          groupResizeBehavior="preserve-pixel-size"
          onResize={sideState.onResize}
          className="flex"
        >
          <SideSlot side={side} collapsed={sideState.collapsed} panel={sideRef} />
        </Panel>
      </Group>
    </div>
  );
}

const PHONE_NOTE_KEY = 'nimbus.phoneNote.dismissed';

/**
 * On a phone the canvas takes the whole width: pan, zoom, tap to inspect, ask
 * about reachability. The side panel opens as a bottom sheet, by its button or
 * when something is tapped. Editing needs a larger screen, and a note says so.
 */
function PhoneLayout({ canvas, side }: { canvas: ReactNode; side: ReactNode }) {
  const [sheetOpen, setSheetOpen] = useState(false);
  const [noteShown, setNoteShown] = useState(() => readPreference(PHONE_NOTE_KEY) !== 'yes');
  const selected = useViewStore(selectPrimarySelection);
  // Tapping something opens the sheet on it (state adjusted while rendering, as React advises over an effect).
  const [seenSelection, setSeenSelection] = useState(selected);
  if (selected !== seenSelection) {
    setSeenSelection(selected);
    if (selected) setSheetOpen(true);
  }
  return (
    <div className="relative flex min-h-0 min-w-0 flex-1 flex-col">
      {noteShown && (
        <p
          role="note"
          className="flex items-center gap-2 border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          <span className="min-w-0 flex-1">
            On a phone you can pan, zoom, tap to inspect and ask what reaches what. Editing needs a larger screen.
          </span>
          <button
            type="button"
            aria-label="Dismiss the note"
            className="shrink-0 rounded p-1 hover:bg-amber-100 dark:hover:bg-amber-900"
            onClick={() => {
              setNoteShown(false);
              writePreference(PHONE_NOTE_KEY, 'yes');
            }}
          >
            <X size={14} aria-hidden />
          </button>
        </p>
      )}
      <div className="relative flex min-h-0 min-w-0 flex-1">{canvas}</div>
      {sheetOpen ? (
        <section
          aria-label="Side panel"
          className="absolute inset-x-0 bottom-0 z-30 flex h-[58%] flex-col rounded-t-xl border-t border-slate-200 bg-white shadow-2xl dark:border-slate-700 dark:bg-slate-900"
        >
          <div className="flex justify-end px-2 pt-1">
            <button
              type="button"
              className={railButton}
              aria-label="Close the side panel"
              onClick={() => setSheetOpen(false)}
            >
              <X size={18} aria-hidden />
            </button>
          </div>
          <div className="flex min-h-0 flex-1 flex-col">{side}</div>
        </section>
      ) : (
        <button
          type="button"
          onClick={() => setSheetOpen(true)}
          className="absolute right-3 bottom-36 z-30 inline-flex items-center gap-1.5 rounded-full bg-teal-700 px-4 py-2 text-sm font-semibold text-white shadow-lg hover:bg-teal-800"
        >
          <PanelBottomOpen size={16} aria-hidden /> Inspect and ask
        </button>
      )}
    </div>
  );
}

/** The body of the page under the header, laid out for the screen it is on. */
export function PanelLayout(props: PanelLayoutProps) {
  const size = useScreenSize();
  if (size === 'phone') return <PhoneLayout canvas={props.canvas} side={props.side} />;
  // A key per shape: the panels a group holds are fixed when it mounts.
  return <ResizableLayout key={size} {...props} railPalette={size === 'narrow'} />;
}
