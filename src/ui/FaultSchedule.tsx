import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { MAX_FAULT_EVENTS, resourcesOfKind, type Design, type FaultEvent } from '../domain';
import { setSimulationSettings } from '../engine';
import { applyDesignChange, selectDesign, useDesignStore, useLibraryStore } from '../store';
import { describeFault } from './faultWords';
import { Hint } from './Hint';

type FaultKind = FaultEvent['fault'];

const KIND_WORDS: Record<FaultKind, string> = {
  zoneOutage: 'Zone outage',
  instanceFailure: 'Instance failure',
  natGatewayFailure: 'NAT gateway failure',
  dbFailover: 'Database failover',
  routeDeletion: 'Route deletion',
};

/** A route as a fault names it: its table and destination, in one select value. */
const ROUTE_SEPARATOR = ' ';

/** What each fault can name in this design. */
function targetsOf(design: Design, kind: FaultKind): Array<{ id: string; label: string }> {
  switch (kind) {
    case 'zoneOutage':
      return resourcesOfKind(design, 'availabilityZone').map((z) => ({ id: z.id, label: z.zoneName }));
    case 'instanceFailure':
      return resourcesOfKind(design, 'ec2Instance').map((i) => ({ id: i.id, label: i.name }));
    case 'natGatewayFailure':
      return resourcesOfKind(design, 'natGateway').map((n) => ({ id: n.id, label: n.name }));
    case 'dbFailover':
      return resourcesOfKind(design, 'dbInstance').map((d) => ({ id: d.id, label: d.name }));
    case 'routeDeletion':
      return resourcesOfKind(design, 'routeTable').flatMap((t) =>
        t.routes
          .filter((r) => r.target !== 'local')
          .map((r) => ({ id: `${t.id}${ROUTE_SEPARATOR}${r.destination}`, label: `${t.name}: ${r.destination}` })),
      );
  }
}

function eventOf(kind: FaultKind, targetId: string, at: number, durationSeconds: number | null): FaultEvent {
  switch (kind) {
    case 'zoneOutage':
      return { fault: kind, zoneId: targetId, at, durationSeconds };
    case 'instanceFailure':
      return { fault: kind, instanceId: targetId, at, durationSeconds };
    case 'natGatewayFailure':
      return { fault: kind, natGatewayId: targetId, at, durationSeconds };
    case 'dbFailover':
      return { fault: kind, dbInstanceId: targetId, at };
    case 'routeDeletion': {
      const split = targetId.indexOf(ROUTE_SEPARATOR);
      return {
        fault: kind,
        tableId: targetId.slice(0, split),
        destination: targetId.slice(split + 1),
        at,
        durationSeconds,
      };
    }
  }
}

const control = 'rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-950';

/** Faults the simulation injects at set times (`design.simulation.faults`): listed in words, added and removed. */
export function FaultSchedule() {
  const design = useDesignStore(selectDesign);
  const viewOnly = useLibraryStore((s) => s.viewOnly);
  const faults = design.simulation?.faults ?? [];
  const [kind, setKind] = useState<FaultKind>('zoneOutage');
  const [targetId, setTargetId] = useState('');
  const [atMinutes, setAtMinutes] = useState(10);
  const [forMinutes, setForMinutes] = useState<number | null>(5);
  const targets = targetsOf(design, kind);
  const chosen = targets.find((t) => t.id === targetId)?.id ?? targets[0]?.id;
  const save = (next: FaultEvent[]) => applyDesignChange(setSimulationSettings(design, { faults: next }));
  return (
    <section aria-label="Scheduled faults" className="flex flex-col gap-1.5">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        Scheduled faults
      </h3>
      {faults.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          None. Add one below, or fail a zone, an instance, a NAT gateway or a database from the canvas while the
          simulation runs.
        </p>
      ) : (
        <ul className="flex flex-col gap-0.5 text-xs">
          {faults.map((event, index) => (
            <li key={index} className="flex items-center gap-2">
              <span className="flex-1">{describeFault(design, event)}</span>
              {!viewOnly && (
                <Hint text={`Remove ${describeFault(design, event)}`}>
                  <button
                    type="button"
                    aria-label={`Remove ${describeFault(design, event)}`}
                    className="rounded p-0.5 hover:bg-slate-100 dark:hover:bg-slate-800"
                    onClick={() => save(faults.filter((_, i) => i !== index))}
                  >
                    <Trash2 size={12} aria-hidden />
                  </button>
                </Hint>
              )}
            </li>
          ))}
        </ul>
      )}
      {!viewOnly && (
        <div className="flex flex-wrap items-center gap-1.5 text-xs">
          <select
            aria-label="Fault"
            className={control}
            value={kind}
            onChange={(e) => setKind(e.target.value as FaultKind)}
          >
            {(Object.keys(KIND_WORDS) as FaultKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_WORDS[k]}
              </option>
            ))}
          </select>
          <select
            aria-label="Of"
            className={control}
            value={chosen ?? ''}
            onChange={(e) => setTargetId(e.target.value)}
          >
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
          <label className="flex items-center gap-1">
            at minute
            <input
              type="number"
              min={0}
              className={`${control} w-14`}
              value={atMinutes}
              onChange={(e) => setAtMinutes(Math.max(0, Number(e.target.value) || 0))}
            />
          </label>
          {kind !== 'dbFailover' && (
            <label className="flex items-center gap-1">
              for
              <input
                type="number"
                min={1}
                placeholder="ever"
                className={`${control} w-14`}
                value={forMinutes ?? ''}
                onChange={(e) => setForMinutes(e.target.value === '' ? null : Math.max(1, Number(e.target.value) || 1))}
              />
              min
            </label>
          )}
          <button
            type="button"
            className="inline-flex items-center gap-1 rounded-md border border-slate-300 px-2 py-0.5 font-medium hover:bg-slate-100 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800"
            disabled={!chosen || faults.length >= MAX_FAULT_EVENTS}
            onClick={() =>
              chosen &&
              save([
                ...faults,
                eventOf(kind, chosen, Math.round(atMinutes * 60), forMinutes === null ? null : forMinutes * 60),
              ])
            }
          >
            <Plus size={12} aria-hidden /> Add fault
          </button>
        </div>
      )}
    </section>
  );
}
