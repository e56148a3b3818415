import { BookOpen, Play, Route, X } from 'lucide-react';
import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useFitViewRoom } from '../canvas/fitViewPadding';
import { TEMPLATE_INFO } from '../scenarios/templateInfo';
import { playSimulation, selectDesign, startLesson, useDesignStore, useLibraryStore, useViewStore } from '../store';
import { hideTryThis, LESSON_FOR_TEMPLATE, useTryThisStore } from './TryThisState';

const stepButton =
  'flex w-full items-start gap-2 rounded-md px-2 py-1 text-left text-xs leading-snug hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-600 dark:hover:bg-slate-800';

function Step({ icon, onClick, children }: { icon: ReactNode; onClick: () => void; children: ReactNode }) {
  return (
    <li>
      <button type="button" className={stepButton} onClick={onClick}>
        <span className="mt-px shrink-0 text-teal-700 dark:text-teal-300">{icon}</span>
        <span>{children}</span>
      </button>
    </li>
  );
}

/** Opens a lesson on demand, so the course stays out of what the first screen loads. */
async function openLesson(id: string): Promise<void> {
  const { findLesson } = await import('../scenarios/learn/lessons');
  const lesson = findLesson(id);
  if (lesson && startLesson(lesson)) hideTryThis({ forGood: false });
}

/**
 * Tells fit view the corner the card covers while it is on screen, so the design is fitted beside or
 * below it (`canvas/fitViewPadding.ts`), never under it.
 */
function useCoveredCorner(card: RefObject<HTMLElement | null>, shown: boolean): void {
  useLayoutEffect(() => {
    const element = card.current;
    if (!shown || !element) return;
    const report = () =>
      useFitViewRoom.setState({
        covered: { right: element.offsetLeft + element.offsetWidth, bottom: element.offsetTop + element.offsetHeight },
      });
    report();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(report);
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      useFitViewRoom.setState({ covered: null });
    };
  }, [card, shown]);
}

/**
 * A small card in the canvas's top-left corner, under the simulation toolbar after a template opens: two or
 * three next steps that fit it (ask the question its first flow asks, start
 * the simulation, open the lesson that continues it). Closing it keeps it closed for that
 * template; it also goes when another design comes on screen.
 */
export function TryThisCard() {
  const shown = useTryThisStore((s) => s.shown);
  const currentId = useLibraryStore((s) => s.currentId);
  const design = useDesignStore(selectDesign);
  const card = useRef<HTMLElement>(null);
  const template = shown && shown.entryId === currentId ? TEMPLATE_INFO.find((t) => t.id === shown.templateId) : null;
  useCoveredCorner(card, !!template);
  if (!template) return null;
  const flow = design.flows?.[0];
  const nameOf = (endpoint: string) =>
    endpoint === 'internet'
      ? 'the internet'
      : Object.hasOwn(design.resources, endpoint)
        ? design.resources[endpoint]!.name
        : endpoint;
  const lesson = Object.hasOwn(LESSON_FOR_TEMPLATE, template.id) ? LESSON_FOR_TEMPLATE[template.id] : undefined;
  return (
    <section
      ref={card}
      aria-label="Try this"
      className="absolute top-14 left-3 z-10 w-56 rounded-lg border border-slate-200 bg-white/95 p-1.5 text-slate-900 shadow-md dark:border-slate-700 dark:bg-slate-900/95 dark:text-slate-100"
    >
      <div className="flex items-center justify-between pl-2">
        <h2 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">Try this</h2>
        <button
          type="button"
          aria-label="Close these suggestions"
          title="Close these suggestions (not shown again for this template)"
          className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-white"
          onClick={() => hideTryThis({ forGood: true })}
        >
          <X size={14} aria-hidden />
        </button>
      </div>
      <ol className="flex flex-col">
        {flow && (
          <Step
            icon={<Route size={14} aria-hidden />}
            onClick={() => {
              const view = useViewStore.getState();
              view.setReachForm({ from: flow.from, to: flow.to, protocol: flow.protocol, port: flow.port });
              view.showPanel('reach');
            }}
          >
            Ask: can {nameOf(flow.from)} reach {nameOf(flow.to)}
            {flow.port > 0 ? ` on port ${flow.port}` : ''}?
          </Step>
        )}
        <Step icon={<Play size={14} aria-hidden />} onClick={() => void playSimulation()}>
          Start the simulation and watch it run.
        </Step>
        {lesson && (
          <Step icon={<BookOpen size={14} aria-hidden />} onClick={() => void openLesson(lesson.id)}>
            Open the lesson “{lesson.title}”.
          </Step>
        )}
      </ol>
    </section>
  );
}
