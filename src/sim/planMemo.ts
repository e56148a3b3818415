import { getResource, resourceById, type Design, type Flow } from '../domain';
import { listenerOn, loadBalancerNodes, networkEpochOf, targetsOf } from '../engine';
import type { FlowPath, LiveOverlay } from './trafficPath';

/**
 * A flow's plan through a load balancer, remembered with everything it read,
 * so a flow planned again after a change elsewhere (another group's instance
 * launched, another target's health) is the same object without walking its
 * targets again, and the traffic's comparison of old and new paths is quick.
 *
 * What such a plan reads: the network (every resource but the instances: the
 * design's network epoch, `engine/reach/networkEpoch.ts`), its source (the
 * internet or one resource by id), the load balancer's nodes' addresses (drawn
 * past the addresses taken in their subnets), the listener's target group's
 * targets (their ids, in order, and each one's resource: an instance carries
 * its live state and address), each target's health, the simulation's zones
 * down, resources out of service and database endpoints, and the live public
 * addresses of the source and the targets. A flow named by resource name, or
 * from an address, or a group with targets by address, reads further (names
 * and addresses are looked up over every resource): those are not remembered.
 */
type Inputs = readonly unknown[];

interface Remembered {
  inputs: Inputs;
  path: FlowPath;
}

/** Plans kept per flow: a target that goes back and forth between states finds each plan again. */
const PLANS_PER_FLOW = 4;
const remembered = new WeakMap<Flow, Remembered[]>();

/** What a plan of this flow through a load balancer reads, or null when it is not one this can tell. */
export function planInputs(live: Design, flow: Flow, overlay: LiveOverlay): Inputs | null {
  const to = flow.to.trim();
  const lb = getResource(live, to, 'loadBalancer');
  if (!lb || to !== flow.to) return null;
  const from = flow.from.trim();
  if (from !== flow.from) return null;
  const source = from.toLowerCase() === 'internet' ? null : resourceById(live, from);
  if (source === undefined) return null;
  const inputs: unknown[] = [networkEpochOf(live.resources), from, source];
  if (source) inputs.push(overlay.publicIps?.[source.id]);
  for (const node of loadBalancerNodes(live, lb, {})) inputs.push(node.subnet.id, node.eni.privateIp);
  inputs.push(
    overlay.zonesDown?.join(',') ?? '',
    overlay.outOfService?.join(',') ?? '',
    overlay.dbEndpoints ? JSON.stringify(overlay.dbEndpoints) : '',
  );
  const listener = listenerOn(lb, flow.protocol, flow.port);
  const group = getResource(live, listener?.targetGroupId, 'targetGroup');
  if (group) {
    if (group.targetIps.length > 0) return null;
    const health = overlay.targetHealth?.[group.id];
    for (const target of targetsOf(live, group))
      inputs.push(target.id, resourceById(live, target.id), health?.[target.id], overlay.publicIps?.[target.id]);
  }
  return inputs;
}

const sameInputs = (a: Inputs, b: Inputs) => a.length === b.length && a.every((value, i) => value === b[i]);

/** The plan made last from these same inputs, if any. */
export function rememberedPlan(flow: Flow, inputs: Inputs): FlowPath | undefined {
  return remembered.get(flow)?.find((r) => sameInputs(r.inputs, inputs))?.path;
}

export function rememberPlan(flow: Flow, inputs: Inputs, path: FlowPath): void {
  const earlier = remembered.get(flow) ?? [];
  remembered.set(flow, [{ inputs, path }, ...earlier].slice(0, PLANS_PER_FLOW));
}
