import { ArrowLeft, ChevronLeft, ChevronRight } from 'lucide-react';
import { useEffect } from 'react';
import { hasPorts, protocolLabel, type PacketProtocol } from '../domain';
import type { PathStep } from '../sim/trafficPath';
import { selectDesign, useDesignStore, useSimStore, useTrafficView, useViewStore } from '../store';
import { smallButton } from './inspector/fields';
import { flowTitle } from './TrafficPanel';

const DECISION_STYLE: Record<PathStep['decision'], string> = {
  allow: 'text-emerald-700 dark:text-emerald-300',
  forward: 'text-slate-600 dark:text-slate-300',
  deny: 'text-red-700 dark:text-red-300',
  drop: 'text-red-700 dark:text-red-300',
};

const address = (ip: string, port: number, protocol: PacketProtocol) => (hasPorts(protocol) ? `${ip}:${port}` : ip);

/** One packet of a flow, hop by hop, forward and back, with what each hop saw and decided. */
export function StepMode() {
  const design = useDesignStore(selectDesign);
  const stepping = useTrafficView((s) => s.stepping)!;
  const { stepTo, stopStepping } = useTrafficView.getState();
  const path = useSimStore((s) => s.frame?.traffic.paths[stepping.flowId]);
  const flow = design.flows?.find((f) => f.id === stepping.flowId);
  const steps = path?.steps ?? [];
  const index = Math.min(stepping.index, Math.max(0, steps.length - 1));
  const step = steps[index];

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
      if (e.key === 'ArrowRight') stepTo(Math.min(index + 1, steps.length - 1));
      if (e.key === 'ArrowLeft') stepTo(Math.max(index - 1, 0));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, steps.length, stepTo]);

  useEffect(() => {
    // Keep the hop's component in view (without selecting it, which would switch to the inspector).
    if (step?.resourceId) useViewStore.getState().panTo(step.resourceId);
  }, [step?.resourceId, index]);

  const times = steps.reduce<number[]>((list, s) => [...list, (list[list.length - 1] ?? 0) + s.latencyMs], []);

  return (
    <div className="flex flex-col gap-3 p-4" aria-label="Step mode">
      <div className="flex items-center justify-between">
        <button type="button" className={`${smallButton} -ml-1`} onClick={stopStepping}>
          <ArrowLeft size={14} aria-hidden /> Back to flows
        </button>
        <span className="text-xs text-slate-500 dark:text-slate-400">← → keys step</span>
      </div>
      <h2 className="text-base font-semibold">{flow ? flowTitle(design, flow) : 'Flow removed'}</h2>
      {!path || path.error ? (
        <p className="text-sm text-red-700 dark:text-red-300">{path?.error ?? 'Waiting for the simulation…'}</p>
      ) : (
        <>
          <div className="flex items-center gap-2">
            <button type="button" className={smallButton} disabled={index === 0} onClick={() => stepTo(index - 1)}>
              <ChevronLeft size={14} aria-hidden /> Previous hop
            </button>
            <span className="text-sm" aria-live="polite">
              Hop {index + 1} of {steps.length}
            </span>
            <button
              type="button"
              className={smallButton}
              disabled={index >= steps.length - 1}
              onClick={() => stepTo(index + 1)}
            >
              Next hop <ChevronRight size={14} aria-hidden />
            </button>
          </div>
          {step && (
            <section
              aria-label="Packet inspector"
              className="rounded-lg border border-blue-300 bg-blue-50/60 p-3 text-sm dark:border-blue-800 dark:bg-blue-950/40"
            >
              <p className="flex justify-between font-medium">
                <span>{step.component}</span>
                <span className={`text-xs font-semibold uppercase ${DECISION_STYLE[step.decision]}`}>
                  {step.decision}
                </span>
              </p>
              <dl className="mt-2 grid grid-cols-[7rem_1fr] gap-x-2 gap-y-1 text-xs">
                <dt className="text-slate-500">Direction</dt>
                <dd>{step.direction === 'forward' ? 'Request (forward)' : 'Response (return)'}</dd>
                <dt className="text-slate-500">Protocol</dt>
                <dd>{protocolLabel(step.packet.protocol)}</dd>
                <dt className="text-slate-500">Source</dt>
                <dd className="font-mono">{address(step.packet.srcIp, step.packet.srcPort, step.packet.protocol)}</dd>
                <dt className="text-slate-500">Destination</dt>
                <dd className="font-mono">{address(step.packet.dstIp, step.packet.dstPort, step.packet.protocol)}</dd>
                <dt className="text-slate-500">Rule or route</dt>
                <dd className="font-mono" aria-label="Rule or route">
                  {step.rule ?? '–'}
                </dd>
                {step.translation && (
                  <>
                    <dt className="text-slate-500">Translation</dt>
                    <dd className="font-mono">{step.translation}</dd>
                  </>
                )}
                <dt className="text-slate-500">Sim time</dt>
                <dd>{times[index]!.toFixed(2)} ms after sending</dd>
              </dl>
              <p className="mt-2 text-xs text-slate-700 dark:text-slate-300">{step.explanation}</p>
            </section>
          )}
          <table aria-label="Hop events" className="w-full text-xs">
            <thead>
              <tr className="text-left text-[11px] text-slate-500">
                <th className="py-1">Time</th>
                <th>Component</th>
                <th>Decision</th>
                <th>Rule</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((s, i) => (
                <tr
                  key={i}
                  onClick={() => stepTo(i)}
                  aria-current={i === index ? 'step' : undefined}
                  className={`cursor-pointer border-t border-slate-100 align-top dark:border-slate-800 ${
                    i === index ? 'bg-blue-100/70 dark:bg-blue-900/40' : 'hover:bg-slate-50 dark:hover:bg-slate-800'
                  } ${s.direction === 'return' ? 'italic' : ''}`}
                >
                  <td className="py-1 pr-1 font-mono whitespace-nowrap">{times[i]!.toFixed(2)} ms</td>
                  <td className="pr-1">
                    {s.direction === 'return' ? '↩ ' : ''}
                    {s.component}
                  </td>
                  <td className={`pr-1 font-semibold uppercase ${DECISION_STYLE[s.decision]}`}>{s.decision}</td>
                  <td className="font-mono break-all">{s.rule ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
