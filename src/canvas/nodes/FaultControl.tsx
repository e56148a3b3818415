import type { LiveFault, Resource } from '../../domain';
import { injectFault, useLibraryStore, useSimStore } from '../../store';
import { faultActiveOn } from '../liveFacts';

/** The fault a resource can be given from the canvas, and the words of its button. */
function faultFor(resource: Resource): { fault: LiveFault; fail: string; recover: string | null } | null {
  switch (resource.kind) {
    case 'ec2Instance':
      return {
        fault: { fault: 'instanceFailure', instanceId: resource.id, durationSeconds: null },
        fail: 'Fail',
        recover: 'Recover',
      };
    case 'natGateway':
      return {
        fault: { fault: 'natGatewayFailure', natGatewayId: resource.id, durationSeconds: null },
        fail: 'Fail',
        recover: 'Recover',
      };
    case 'dbInstance':
      // A failover is a moment, not a state: nothing to recover.
      return resource.multiAz
        ? { fault: { fault: 'dbFailover', dbInstanceId: resource.id }, fail: 'Fail over', recover: null }
        : null;
    case 'availabilityZone':
      return {
        fault: { fault: 'zoneOutage', zoneId: resource.id, durationSeconds: null },
        fail: `Fail ${resource.zoneName}`,
        recover: `Recover ${resource.zoneName}`,
      };
    default:
      return null;
  }
}

export const canFail = (resource: Resource) => faultFor(resource) !== null;

/**
 * While the simulation runs: a button that injects this resource's fault
 * (as AWS Fault Injection Service would), or recovers it while it is in effect.
 */
export function FaultControl({
  resource,
  label,
  placeholder = false,
}: {
  resource: Resource;
  label?: string;
  /** Only keep the button's room (the button itself is drawn above the edges, see `FaultControls`). */
  placeholder?: boolean;
}) {
  const active = useSimStore((s) => s.active);
  const faulted = useSimStore((s) => faultActiveOn(s.frame, resource.id));
  const viewOnly = useLibraryStore((s) => s.viewOnly);
  const spec = faultFor(resource);
  if (!active || !spec || viewOnly) return null;
  const recovering = faulted && spec.recover !== null;
  const text = recovering ? spec.recover! : spec.fail;
  if (placeholder)
    return (
      <span aria-hidden className="invisible shrink-0 border px-1.5 py-px text-[10px] font-semibold">
        {text}
      </span>
    );
  return (
    <button
      type="button"
      className={`nodrag nopan shrink-0 rounded border px-1.5 py-px text-[10px] font-semibold ${
        recovering
          ? 'border-emerald-600 bg-white text-emerald-800 hover:bg-emerald-50 dark:bg-slate-900 dark:text-emerald-200'
          : 'border-red-600 bg-white text-red-700 hover:bg-red-50 dark:bg-slate-900 dark:text-red-300'
      }`}
      aria-label={`${text}${label ? ` ${label}` : ''}`}
      onClick={(event) => {
        event.stopPropagation();
        void injectFault(
          recovering ? { kind: 'recover', targetId: resource.id } : { kind: 'inject', fault: spec.fault },
        );
      }}
    >
      {text}
    </button>
  );
}
