import { useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { useSimStore } from '../store';
import type { ResourceNode } from './derive';
import { canFail, FaultControl } from './nodes/FaultControl';

const lookupOf = (s: ReactFlowState) => s.nodeLookup;

/**
 * The fault buttons of zones, instances, NAT gateways and Multi-AZ databases,
 * drawn above the edges (an edge passing over a node would otherwise take the
 * click), each at its node's top right where the node keeps room for it.
 */
export function FaultControls() {
  const active = useSimStore((s) => s.active);
  const nodeLookup = useStore(lookupOf);
  if (!active) return null;
  const buttons: React.ReactNode[] = [];
  for (const node of nodeLookup.values()) {
    const data = (node as unknown as ResourceNode).data;
    if (!data?.resource || !canFail(data.resource)) continue;
    const width = node.measured.width ?? node.width ?? 0;
    const container = data.resource.kind === 'availabilityZone';
    const { x, y } = node.internals.positionAbsolute;
    buttons.push(
      <div
        key={node.id}
        className="nodrag nopan pointer-events-auto absolute flex"
        style={{
          transform: `translate(${x + width - (container ? 10 : 9)}px, ${y + (container ? 9 : 7)}px) translateX(-100%)`,
          zIndex: 2000,
        }}
      >
        <FaultControl
          resource={data.resource}
          label={data.resource.kind === 'availabilityZone' ? undefined : data.facts.title}
        />
      </div>,
    );
  }
  return <ViewportPortal>{buttons}</ViewportPortal>;
}
