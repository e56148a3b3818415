import { CircleX, TriangleAlert } from 'lucide-react';
import { resourcesOfKind, type Design, type Resource } from '../domain';
import { findingsFor, useViewStore } from '../store';
import type { Finding } from '../engine';

function facts(resource: Resource): string {
  switch (resource.kind) {
    case 'vpc':
      return [resource.cidr, ...resource.secondaryCidrs].join(', ');
    case 'subnet':
      return resource.cidr;
    case 'ec2Instance':
      return `${resource.instanceType} · ${resource.privateIp} · ${resource.state}`;
    case 'natGateway':
      return resource.privateIp;
    case 'region':
      return resource.code;
    default:
      return resource.kind;
  }
}

function Item({ resource, findings, depth }: { resource: Resource; findings: Map<string, Finding[]>; depth: number }) {
  const selectedId = useViewStore((s) => s.selectedId);
  const select = useViewStore((s) => s.select);
  const own = findings.get(resource.id) ?? [];
  const worst = own.some((f) => f.severity === 'error') ? 'error' : own.length > 0 ? 'warning' : null;
  return (
    <button
      type="button"
      data-resource-id={resource.id}
      onClick={() => select(resource.id)}
      style={{ marginLeft: depth * 20 }}
      title={own.map((f) => f.message).join('\n') || undefined}
      className={`flex w-fit max-w-full items-center gap-2 rounded-md border px-3 py-1.5 text-left text-sm shadow-xs ${
        selectedId === resource.id
          ? 'border-teal-600 ring-2 ring-teal-600/30'
          : 'border-slate-200 dark:border-slate-700'
      } bg-white dark:bg-slate-900`}
    >
      <span className="font-medium">{resource.name || resource.id}</span>
      <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{facts(resource)}</span>
      {worst === 'error' && (
        <CircleX size={15} className="text-red-600 dark:text-red-400" aria-label={`${own.length} problem(s)`} />
      )}
      {worst === 'warning' && (
        <TriangleAlert
          size={15}
          className="text-amber-600 dark:text-amber-400"
          aria-label={`${own.length} warning(s)`}
        />
      )}
    </button>
  );
}

/** Region > VPC > subnet > instance, as a plain outline. */
export function DesignOutline({ design }: { design: Design }) {
  const findings = new Map<string, Finding[]>();
  for (const f of findingsFor(design)) findings.set(f.resourceId, [...(findings.get(f.resourceId) ?? []), f]);
  const shown = new Set<string>();
  const rows: Array<{ resource: Resource; depth: number }> = [];
  const push = (resource: Resource, depth: number) => {
    shown.add(resource.id);
    rows.push({ resource, depth });
  };
  const inSubnet = [...resourcesOfKind(design, 'ec2Instance'), ...resourcesOfKind(design, 'natGateway')];
  for (const region of resourcesOfKind(design, 'region')) {
    push(region, 0);
    for (const vpc of resourcesOfKind(design, 'vpc').filter((v) => v.regionId === region.id)) {
      push(vpc, 1);
      for (const subnet of resourcesOfKind(design, 'subnet').filter((s) => s.vpcId === vpc.id)) {
        push(subnet, 2);
        inSubnet.filter((r) => r.subnetId === subnet.id).forEach((r) => push(r, 3));
      }
    }
  }
  const others = Object.values(design.resources).filter((r) => !shown.has(r.id));
  return (
    <div className="flex flex-col gap-1.5 p-6" aria-label="Design outline">
      {rows.map(({ resource, depth }) => (
        <Item key={resource.id} resource={resource} depth={depth} findings={findings} />
      ))}
      {others.length > 0 && (
        <h2 className="mt-4 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
          Other resources
        </h2>
      )}
      {others.map((resource) => (
        <Item key={resource.id} resource={resource} depth={0} findings={findings} />
      ))}
    </div>
  );
}
