import { Footprints, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { hasPorts, MAX_FLOW_RATE, protocolLabel, type Design, type Flow } from '../domain';
import { DEFAULT_REQUEST_BYTES, DEFAULT_RESPONSE_BYTES } from '../sim/dataTransfer';
import type { FlowCounters, VersionedPath } from '../sim/protocol';
import {
  addFlow,
  pauseSimulation,
  playSimulation,
  startSimulation,
  removeFlow,
  selectDesign,
  updateFlow,
  useDesignStore,
  useLibraryStore,
  useSimStore,
  useTrafficView,
} from '../store';
import { endpointOptions, firstResourceOption } from './endpoints';
import { NumberField, SelectField, smallButton } from './inspector/fields';
import { ProtocolFields } from './ProtocolFields';
import { StepMode } from './StepMode';

const count = (n: number) => Math.round(n).toLocaleString('en-US');

export function endpointName(design: Design, text: string): string {
  if (text === 'internet') return 'Internet';
  return design.resources[text]?.name ?? text;
}

export const flowTitle = (design: Design, flow: Flow): string =>
  `${endpointName(design, flow.from)} → ${endpointName(design, flow.to)} ${protocolLabel(flow.protocol)}${
    hasPorts(flow.protocol) ? ` ${flow.port}` : ''
  }`;

function AddFlowForm({ design }: { design: Design }) {
  const options = endpointOptions(design);
  const [from, setFrom] = useState('internet');
  const [to, setTo] = useState(() => firstResourceOption(options));
  const [protocol, setProtocol] = useState<Flow['protocol']>('tcp');
  const [port, setPort] = useState(443);
  const [rate, setRate] = useState(10);
  if (options.length <= 1) return null;
  return (
    <form
      aria-label="New flow"
      className="grid grid-cols-2 gap-2 rounded-lg border border-dashed border-slate-300 p-3 dark:border-slate-700"
      onSubmit={(e) => {
        e.preventDefault();
        const spec = { from, to, protocol, port, ratePerSecond: rate };
        addFlow({ ...spec, name: `${endpointName(design, spec.from)} to ${endpointName(design, spec.to)}` });
      }}
    >
      <SelectField label="Flow from" value={from} options={options} onChange={setFrom} />
      <SelectField label="Flow to" value={to} options={options} onChange={setTo} />
      <ProtocolFields label="Flow protocol" protocol={protocol} onChange={setProtocol} />
      {/* Only TCP and UDP have ports. */}
      {hasPorts(protocol) && (
        <NumberField label="Flow port" value={port} min={0} max={65535} onChange={(v) => v !== null && setPort(v)} />
      )}
      <NumberField
        label="Requests per second"
        value={rate}
        min={0.1}
        max={MAX_FLOW_RATE}
        step={0.1}
        onChange={(v) => v !== null && v > 0 && setRate(v)}
      />
      <button type="submit" className={`${smallButton} self-end justify-self-start`}>
        <Plus size={14} aria-hidden /> Add flow
      </button>
    </form>
  );
}

function Verdict({ path, design }: { path: VersionedPath | undefined; design: Design }) {
  if (!path) return <p className="text-xs text-slate-500">Press Play to send traffic.</p>;
  if (path.error) return <p className="text-xs text-red-700 dark:text-red-300">{path.error}</p>;
  if (path.reachable)
    return (
      <p
        className={`text-xs ${path.keptOpenByTracking ? 'text-amber-700 dark:text-amber-300' : 'text-emerald-700 dark:text-emerald-300'}`}
        data-kept-open={path.keptOpenByTracking ? 'yes' : undefined}
      >
        {path.summary}
      </p>
    );
  const drop = path.steps.find((s) => s.decision === 'drop' || s.decision === 'deny');
  return (
    <p className="text-xs text-red-700 dark:text-red-300">
      Dropped on the {path.blockedBy?.direction === 'return' ? 'way back' : 'way there'} at{' '}
      <strong>{design.resources[drop?.deciderId ?? '']?.name ?? drop?.component}</strong>
      {path.blockedBy ? ` (${path.blockedBy.code})` : ''}: {drop?.explanation}
    </p>
  );
}

function Counters({ counters, design }: { counters: FlowCounters | undefined; design: Design }) {
  if (!counters) return null;
  const dropped = counters.droppedForward + counters.droppedReturn;
  return (
    <div className="mt-1.5">
      <dl aria-label="Counters" className="grid grid-cols-4 gap-1 text-center text-xs">
        {(
          [
            ['Sent', count(counters.sent)],
            ['Delivered', count(counters.delivered)],
            ['Dropped', count(dropped)],
            ['Round trip', counters.lastRttMs === null ? '–' : `${counters.lastRttMs.toFixed(1)} ms`],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="rounded bg-slate-50 px-1 py-1 dark:bg-slate-800">
            <dt className="text-[10px] text-slate-500 uppercase dark:text-slate-400">{label}</dt>
            <dd aria-label={label} className="font-mono font-semibold">
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {dropped > 0 && (
        <ul aria-label="Dropped by" className="mt-1 text-xs text-slate-600 dark:text-slate-300">
          {Object.entries(counters.droppedBy).map(([id, n]) => (
            <li key={id}>
              {count(n)} dropped at {design.resources[id]?.name ?? id}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Step mode pauses the simulation (starting it if needed, for the path) and follows one packet. */
async function stepThrough(flowId: string): Promise<void> {
  if (!useSimStore.getState().active) await startSimulation();
  else await pauseSimulation();
  useTrafficView.getState().startStepping(flowId);
}

export function TrafficPanel() {
  const design = useDesignStore(selectDesign);
  const traffic = useSimStore((s) => s.frame?.traffic);
  const active = useSimStore((s) => s.active);
  const viewOnly = useLibraryStore((s) => s.viewOnly);
  const stepping = useTrafficView((s) => s.stepping);
  const flows = design.flows ?? [];
  if (stepping) return <StepMode />;
  return (
    <div className="flex flex-col gap-3 p-4">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Flows send requests while the simulation runs; packets follow the path the reachability engine finds, and stop
        at the rule that drops them.
        {!active && flows.length > 0 && (
          <button
            type="button"
            className="ml-1 font-medium text-teal-700 underline dark:text-teal-300"
            onClick={() => void playSimulation()}
          >
            Start traffic
          </button>
        )}
      </p>
      <ul aria-label="Flows" className="flex flex-col gap-2">
        {flows.map((flow) => {
          const counters = traffic?.flows.find((f) => f.id === flow.id);
          return (
            <li
              key={flow.id}
              aria-label={flowTitle(design, flow)}
              className="rounded-lg border border-slate-200 p-2.5 dark:border-slate-700"
            >
              <div className="flex items-end gap-2">
                <p className="min-w-0 flex-1 pb-1.5 text-sm font-medium">{flowTitle(design, flow)}</p>
                {!viewOnly && (
                  <div className="w-28">
                    <NumberField
                      label="Requests/s"
                      value={flow.ratePerSecond}
                      min={0.1}
                      max={MAX_FLOW_RATE}
                      step={0.1}
                      onChange={(v) => v !== null && v > 0 && updateFlow(flow.id, { ratePerSecond: v }, 'rate')}
                    />
                  </div>
                )}
              </div>
              {!viewOnly && (
                <SelectField
                  label="Connection"
                  value={flow.connection ?? 'perRequest'}
                  options={[
                    { value: 'perRequest', label: 'A new connection per request (many users)' },
                    { value: 'persistent', label: 'One connection kept open (a session, a pool)' },
                  ]}
                  onChange={(v) => updateFlow(flow.id, { connection: v })}
                />
              )}
              {!viewOnly && (
                <div className="grid grid-cols-2 gap-2">
                  <NumberField
                    label="Request (KB)"
                    value={(flow.requestBytes ?? DEFAULT_REQUEST_BYTES) / 1000}
                    min={0}
                    max={100_000}
                    step={0.1}
                    onChange={(v) =>
                      v !== null &&
                      updateFlow(flow.id, { requestBytes: Math.round(Math.max(0, v) * 1000) }, 'requestBytes')
                    }
                  />
                  <NumberField
                    label="Response (KB)"
                    value={(flow.responseBytes ?? DEFAULT_RESPONSE_BYTES) / 1000}
                    min={0}
                    max={100_000}
                    step={0.1}
                    hint="For the data-transfer bill"
                    onChange={(v) =>
                      v !== null &&
                      updateFlow(flow.id, { responseBytes: Math.round(Math.max(0, v) * 1000) }, 'responseBytes')
                    }
                  />
                </div>
              )}
              <Verdict path={traffic?.paths[flow.id]} design={design} />
              <Counters counters={counters} design={design} />
              <div className="mt-1.5 flex gap-1">
                <button type="button" className={smallButton} onClick={() => void stepThrough(flow.id)}>
                  <Footprints size={14} aria-hidden /> Step through a packet
                </button>
                {!viewOnly && (
                  <button
                    type="button"
                    className={smallButton}
                    onClick={() => removeFlow(flow.id)}
                    aria-label={`Remove ${flow.name}`}
                  >
                    <Trash2 size={14} aria-hidden /> Remove
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {flows.length === 0 && (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          No flows yet. Add one below, from the Reachability tab, or pick a source and a destination with the traffic
          tool on the canvas.
        </p>
      )}
      {!viewOnly && <AddFlowForm design={design} />}
    </div>
  );
}
