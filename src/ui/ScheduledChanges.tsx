import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { getResource, MAX_SIMULATION_ACTIONS, type ScheduledChange } from '../domain';
import { setSimulationSettings } from '../engine';
import { applyDesignChange, selectDesign, useDesignStore, useLibraryStore } from '../store';
import { routeTargetOptions } from './inspector/routeTargets';
import {
  CHANGE_WORDS,
  changeOf,
  changeResourceKind,
  changeTargets,
  describeChange,
  isRemoval,
  removableRules,
  type ChangeForm,
  type ChangeKind,
} from './ScheduledChangesText';

const control = 'rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-950';

const START: ChangeForm = {
  kind: 'removeSecurityGroupRule',
  resourceId: '',
  direction: 'inbound',
  atSeconds: 600,
  pick: '',
  protocol: 'tcp',
  port: 443,
  cidr: '0.0.0.0/0',
  ruleNumber: 200,
  action: 'deny',
  target: '',
};

/**
 * Rule and route changes the simulation makes at set times
 * (`design.simulation.changes`): listed in words, added and removed, each
 * one undoable step. Removing a group rule while connections are open shows
 * connection tracking at work (tracked connections stay, new ones are refused).
 */
export function ScheduledChanges() {
  const design = useDesignStore(selectDesign);
  const viewOnly = useLibraryStore((s) => s.viewOnly);
  const changes = design.simulation?.changes ?? [];
  const [form, setForm] = useState<ChangeForm>(START);
  const set = (patch: Partial<ChangeForm>) => setForm((f) => ({ ...f, ...patch }));
  const targets = changeTargets(design, form.kind);
  const resourceId = targets.find((t) => t.id === form.resourceId)?.id ?? targets[0]?.id ?? '';
  const kindOfResource = changeResourceKind(form.kind);
  const rules = isRemoval(form.kind) ? removableRules(design, form.kind, resourceId, form.direction) : [];
  const pick = rules.find((r) => r.value === form.pick)?.value ?? rules[0]?.value ?? '';
  const vpcId = getResource(design, resourceId, 'routeTable')?.vpcId;
  const routeTargets = vpcId ? routeTargetOptions(design, vpcId) : [];
  const target = routeTargets.find((t) => t.id === form.target)?.id ?? routeTargets[0]?.id ?? '';
  const made = changeOf({ ...form, resourceId, pick, target });
  const save = (next: ScheduledChange[]) => applyDesignChange(setSimulationSettings(design, { changes: next }));
  return (
    <section aria-label="Scheduled changes" className="flex flex-col gap-1.5">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        Scheduled changes
      </h3>
      {changes.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          None. Add or remove a security-group rule, a network ACL rule or a route at a time, and watch open
          connections: a group keeps tracked connections open after its rule goes, an ACL or a route cuts them. A flow
          let in from 0.0.0.0/0 by a group that lets all traffic out is untracked and stops at once.
        </p>
      ) : (
        <ul className="flex flex-col gap-0.5 text-xs" aria-label="Scheduled changes list">
          {changes.map((change, index) => (
            <li key={index} className="flex items-center gap-2">
              <span className="flex-1">{describeChange(design, change)}</span>
              {!viewOnly && (
                <button
                  type="button"
                  aria-label={`Remove scheduled change: ${describeChange(design, change)}`}
                  className="rounded p-0.5 hover:bg-slate-100 dark:hover:bg-slate-800"
                  onClick={() => save(changes.filter((_, i) => i !== index))}
                >
                  <Trash2 size={12} aria-hidden />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!viewOnly && (
        <div className="flex flex-wrap items-center gap-1.5 text-xs">
          <select
            aria-label="Change"
            className={control}
            value={form.kind}
            onChange={(e) => set({ kind: e.target.value as ChangeKind, resourceId: '', pick: '' })}
          >
            {(Object.keys(CHANGE_WORDS) as ChangeKind[]).map((k) => (
              <option key={k} value={k}>
                {CHANGE_WORDS[k]}
              </option>
            ))}
          </select>
          <select
            aria-label="Change applies to"
            className={control}
            value={resourceId}
            onChange={(e) => set({ resourceId: e.target.value, pick: '' })}
          >
            {targets.length === 0 && <option value="">Nothing of that kind in the design</option>}
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
          {kindOfResource !== 'routeTable' && (
            <select
              aria-label="Direction"
              className={control}
              value={form.direction}
              onChange={(e) => set({ direction: e.target.value as ChangeForm['direction'], pick: '' })}
            >
              <option value="inbound">inbound</option>
              <option value="outbound">outbound</option>
            </select>
          )}
          {isRemoval(form.kind) ? (
            <select
              aria-label="Rule to remove"
              className={`${control} max-w-full`}
              value={pick}
              onChange={(e) => set({ pick: e.target.value })}
            >
              {rules.length === 0 && <option value="">No rule to remove</option>}
              {rules.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          ) : (
            <>
              {kindOfResource === 'networkAcl' && (
                <>
                  <input
                    aria-label="Rule number"
                    type="number"
                    min={1}
                    max={32766}
                    className={`${control} w-16`}
                    value={form.ruleNumber}
                    onChange={(e) =>
                      set({ ruleNumber: Math.max(1, Math.min(32766, Math.round(Number(e.target.value) || 1))) })
                    }
                  />
                  <select
                    aria-label="Action"
                    className={control}
                    value={form.action}
                    onChange={(e) => set({ action: e.target.value as ChangeForm['action'] })}
                  >
                    <option value="allow">allow</option>
                    <option value="deny">deny</option>
                  </select>
                </>
              )}
              {kindOfResource !== 'routeTable' && (
                <>
                  <select
                    aria-label="Protocol"
                    className={control}
                    value={form.protocol}
                    onChange={(e) => set({ protocol: e.target.value as ChangeForm['protocol'] })}
                  >
                    <option value="tcp">TCP</option>
                    <option value="udp">UDP</option>
                    <option value="icmp">ICMP</option>
                    <option value="all">All traffic</option>
                  </select>
                  {(form.protocol === 'tcp' || form.protocol === 'udp') && (
                    <input
                      aria-label="Port"
                      type="number"
                      min={0}
                      max={65535}
                      placeholder="all"
                      className={`${control} w-16`}
                      value={form.port ?? ''}
                      onChange={(e) =>
                        set({
                          port:
                            e.target.value === ''
                              ? null
                              : Math.max(0, Math.min(65535, Math.round(Number(e.target.value) || 0))),
                        })
                      }
                    />
                  )}
                </>
              )}
              <input
                aria-label={kindOfResource === 'routeTable' ? 'Destination' : 'CIDR'}
                spellCheck={false}
                className={`${control} w-28 font-mono`}
                value={form.cidr}
                onChange={(e) => set({ cidr: e.target.value })}
              />
              {kindOfResource === 'routeTable' && (
                <select
                  aria-label="Route target"
                  className={control}
                  value={target}
                  onChange={(e) => set({ target: e.target.value })}
                >
                  {routeTargets.length === 0 && <option value="">No gateway in this VPC</option>}
                  {routeTargets.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.label}
                    </option>
                  ))}
                </select>
              )}
            </>
          )}
          <label className="flex items-center gap-1">
            at minute
            <input
              type="number"
              min={0}
              aria-label="Change at minute"
              className={`${control} w-14`}
              value={form.atSeconds / 60}
              onChange={(e) => set({ atSeconds: Math.max(0, Number(e.target.value) || 0) * 60 })}
            />
          </label>
          <button
            type="button"
            className="inline-flex items-center gap-1 rounded-md border border-slate-300 px-2 py-0.5 font-medium hover:bg-slate-100 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800"
            disabled={!made.ok || changes.length >= MAX_SIMULATION_ACTIONS}
            title={made.ok ? undefined : made.reason}
            onClick={() => made.ok && save([...changes, made.change])}
          >
            <Plus size={12} aria-hidden /> Add change
          </button>
        </div>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Changes apply to the running simulation only; the design you edit stays as it is.
      </p>
    </section>
  );
}
