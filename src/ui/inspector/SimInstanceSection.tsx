import { instanceAction, useSimStore } from '../../store';
import type { Ec2Action } from '../../sim/protocol';
import { formatClock, formatUsd } from '../SimToolbar';
import { Section, smallButton } from './fields';

const ACTIONS: ReadonlyArray<[Ec2Action, string]> = [
  ['start', 'Start'],
  ['stop', 'Stop'],
  ['hibernate', 'Hibernate'],
  ['reboot', 'Reboot'],
  ['terminate', 'Terminate'],
];

/** Lifecycle actions as the EC2 console offers them, the live state, its cost and its timeline. */
export function SimInstanceSection({ instanceId }: { instanceId: string }) {
  const live = useSimStore((s) => s.frame?.instances[instanceId]);
  return (
    <Section title="Simulation">
      <p className="text-xs" aria-label="Instance state">
        {live ? (
          <>
            State <strong data-testid="inspector-sim-state">{live.rebooting ? 'rebooting' : live.state}</strong>
            {live.publicIp ? ` · public IPv4 ${live.publicIp}` : ''} · {formatUsd(live.costUsd)} so far ·{' '}
            {formatUsd(live.ratePerHour)}/h now
          </>
        ) : (
          'Not simulating: an action starts the simulation.'
        )}
      </p>
      <div className="flex flex-wrap gap-1">
        {ACTIONS.map(([action, label]) => (
          <button
            key={action}
            type="button"
            className={smallButton}
            onClick={() => void instanceAction(instanceId, action)}
          >
            {label}
          </button>
        ))}
      </div>
      {live && live.timeline.length > 0 && (
        <ol aria-label="State timeline" className="font-mono text-[11px] text-slate-600 dark:text-slate-400">
          {live.timeline.slice(-8).map((t, i) => (
            <li key={i}>
              {formatClock(t.at)} {t.state}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
