import { CircleCheck, CircleX, Wrench } from 'lucide-react';
import { useEffect, useState } from 'react';
import { hasPorts, type Design } from '../domain';
import {
  analyzeReachability,
  endpointResourceId,
  formatEndpoint,
  suggestFix,
  type Fix,
  type Hop,
  type ReachQuery,
} from '../engine';
import { addFlow, applyDesignChange, useLibraryStore, selectDesign, useDesignStore, useViewStore } from '../store';
import { chosenEndpoint, endpointOptions, pickReachSource, shownDestination, withInternetHost } from './endpoints';
import { ExposurePanel } from './ExposurePanel';
import { ProtocolFields } from './ProtocolFields';
import { NumberField, SelectField, smallButton, TextField } from './inspector/fields';

const DECISION_STYLE: Record<Hop['decision'], string> = {
  allow: 'text-emerald-700 dark:text-emerald-300',
  forward: 'text-slate-600 dark:text-slate-300',
  deny: 'text-red-700 dark:text-red-300',
  drop: 'text-red-700 dark:text-red-300',
};

function HopList({ title, hops, design }: { title: string; hops: Hop[]; design: Design }) {
  const showRule = useViewStore((s) => s.showRule);
  if (hops.length === 0) return null;
  return (
    <section className="flex flex-col gap-1">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{title}</h3>
      <ol aria-label={`${title} hops`} className="flex flex-col gap-1">
        {hops.map((hop, index) => (
          <li key={index}>
            <button
              type="button"
              disabled={!design.resources[hop.id]}
              onClick={() => showRule(hop.id, hop.ruleRef)}
              className="w-full rounded-md border border-slate-200 px-2 py-1.5 text-left text-xs hover:bg-slate-50 disabled:cursor-default disabled:hover:bg-transparent dark:border-slate-800 dark:hover:bg-slate-800/60"
            >
              <span className="flex items-baseline justify-between gap-2">
                <span className="font-medium">
                  {index + 1}. {hop.component}
                </span>
                <span className={`font-semibold uppercase ${DECISION_STYLE[hop.decision]}`}>{hop.decision}</span>
              </span>
              {hop.rule && (
                <span className="block font-mono text-[11px] text-slate-600 dark:text-slate-400">{hop.rule}</span>
              )}
              <span className="block text-slate-600 dark:text-slate-300">{hop.explanation}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

const fixButton =
  'inline-flex items-center gap-1.5 self-start rounded-md bg-teal-700 px-3 py-1.5 text-xs font-medium text-white hover:bg-teal-800 disabled:opacity-50';

/**
 * The one-click fix. One that would open SSH or RDP to the internet asks for
 * the administrators' range first (a documentation range until they give
 * theirs) and says why not 0.0.0.0/0; once applied, the question asks from an
 * address in that range, since the internet host it asked from stays outside.
 */
function FixOffer({ fix, design, onAskFrom }: { fix: Fix; design: Design; onAskFrom: (host: string) => void }) {
  const [cidr, setCidr] = useState(fix.adminSource?.defaultCidr ?? '');
  if (!fix.adminSource)
    return (
      <button type="button" onClick={() => applyDesignChange(fix.apply(design))} className={fixButton}>
        <Wrench size={14} aria-hidden /> {fix.label}
      </button>
    );
  const source = fix.adminSource;
  const chosen = source.withCidr(cidr);
  return (
    <section
      aria-label={`Fix: allow ${source.service} from your administrators`}
      className="flex flex-col gap-2 rounded-md border border-slate-300 p-3 dark:border-slate-700"
    >
      <TextField
        label={`Administrators' range allowed to connect with ${source.service} (CIDR)`}
        value={cidr}
        onChange={setCidr}
        error={chosen.ok ? null : chosen.error}
        mono
      />
      <p className="text-xs text-slate-600 dark:text-slate-300">{source.reason}</p>
      <button
        type="button"
        disabled={!chosen.ok}
        className={fixButton}
        onClick={() => {
          if (!chosen.ok) return;
          applyDesignChange(chosen.apply(design));
          onAskFrom(chosen.sampleHost);
        }}
      >
        <Wrench size={14} aria-hidden /> {chosen.ok ? chosen.label : fix.label}
      </button>
    </section>
  );
}

/** "Can A reach B on port P?" — the verdict, forward and return hops, and a fix when one is clear. */
export function ReachabilityPanel() {
  const design = useDesignStore(selectDesign);
  const picked = useViewStore((s) => s.reachSource);
  const form = useViewStore((s) => s.reachForm);
  const setForm = useViewStore((s) => s.setReachForm);
  const { from, protocol, port } = form;
  const options = withInternetHost(endpointOptions(design), from);
  const to = shownDestination(options, from, form.to);
  const setFrom = (value: string) => setForm({ from: value });
  const setTo = (value: string) => setForm({ to: value });
  const setProtocol = (value: ReachQuery['protocol']) => setForm({ protocol: value });
  const setPort = (value: number) => setForm({ port: value });
  useEffect(() => {
    // "Can this reach…?" from the canvas: the node becomes the source.
    if (!picked) return;
    const view = useViewStore.getState();
    const design = selectDesign(useDesignStore.getState());
    view.setReachForm(
      pickReachSource(endpointOptions(design), view.reachForm, formatEndpoint({ kind: 'resource', id: picked })),
    );
    view.askReachFrom(null);
  }, [picked]);
  const query: ReachQuery = { from: chosenEndpoint(design, from), to: chosenEndpoint(design, to), protocol, port };
  const outcome = options.length > 1 ? analyzeReachability(design, query) : null;
  const result = outcome?.ok ? outcome.result : null;
  const viewOnly = useLibraryStore((s) => s.viewOnly);
  // A view-only design can't change: no fixes or flows offered.
  const fix = result && !viewOnly ? suggestFix(design, query, result) : null;
  const highlight = useViewStore((s) => s.highlightPath);
  const onPath = result
    ? [
        endpointResourceId(design, result.source),
        endpointResourceId(design, result.destination),
        ...[...result.forward, ...result.return].map((h) => h.id),
      ].filter((id): id is string => !!id && !!design.resources[id])
    : [];
  const key = result ? `${onPath.join()}|${result.blockedBy?.id ?? ''}` : '';
  // Light the path up on the canvas while this panel is open.
  useEffect(() => {
    const [ids, blocked] = key.split('|');
    highlight(key ? { onPath: ids ? ids.split(',') : [], blocked: blocked || null } : null);
  }, [key, highlight]);
  useEffect(() => () => highlight(null), [highlight]);

  if (options.length <= 1) {
    return (
      <p className="px-6 py-10 text-center text-sm text-slate-500 dark:text-slate-400">
        Add instances (or open a template) to ask whether one thing can reach another.
      </p>
    );
  }
  return (
    <div aria-label="Reachability" className="flex flex-col gap-3 p-4 text-sm">
      <div className="grid grid-cols-2 gap-2">
        <SelectField label="From" value={from} options={options} onChange={setFrom} />
        <SelectField label="To" value={to} options={options} onChange={setTo} />
        <ProtocolFields label="Protocol" protocol={protocol} onChange={setProtocol} />
        {hasPorts(protocol) && (
          <NumberField label="Port" value={port} min={0} max={65535} onChange={(v) => v !== null && setPort(v)} />
        )}
      </div>
      {outcome && !outcome.ok && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {outcome.error}
        </p>
      )}
      {result && (
        <>
          <div
            role="status"
            aria-label="Verdict"
            className={`flex gap-2 rounded-md border px-3 py-2 ${result.reachable ? 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100' : 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100'}`}
          >
            {result.reachable ? (
              <CircleCheck size={18} className="shrink-0" aria-hidden />
            ) : (
              <CircleX size={18} className="shrink-0" aria-hidden />
            )}
            <div>
              <p className="font-semibold">{result.reachable ? 'Reachable' : 'Not reachable'}</p>
              <p className="text-xs">{result.summary}</p>
            </div>
          </div>
          {!viewOnly && (
            <div>
              <button
                type="button"
                className={smallButton}
                onClick={() => {
                  addFlow({
                    name: `${options.find((o) => o.value === from)?.label ?? from} to ${options.find((o) => o.value === to)?.label ?? to}`,
                    from,
                    to,
                    protocol,
                    port: hasPorts(protocol) ? port : 0,
                    ratePerSecond: 10,
                  });
                  useViewStore.getState().showPanel('traffic');
                }}
              >
                Send traffic like this
              </button>
            </div>
          )}
          {fix && <FixOffer key={fix.label} fix={fix} design={design} onAskFrom={setFrom} />}
          <HopList title="Forward" hops={result.forward} design={design} />
          <HopList title="Return" hops={result.return} design={design} />
        </>
      )}
      <div className="-mx-4">
        <ExposurePanel />
      </div>
    </div>
  );
}
