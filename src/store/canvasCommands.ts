import type { Draft } from 'immer';
import { idSourceFor, type Design, type LoadProfile, type Resource } from '../domain';
import {
  addResource,
  connect,
  deleteResources as deleteEdit,
  duplicateResources as duplicateEdit,
  moveNodes as moveNodesEdit,
  rehome as rehomeEdit,
  setInstanceSecurityGroup as setInstanceSecurityGroupEdit,
  setLoadShape as setLoadShapeEdit,
  setServiceScaling as setServiceScalingEdit,
  setTaskCpu as setTaskCpuEdit,
  setSimulationSettings as setSimulationSettingsEdit,
  setMainRouteTable as setMainRouteTableEdit,
  setVpcCidrs as setVpcCidrsEdit,
  type EditResult,
  type NewResourceSpec,
  type NodeMove,
} from '../engine';
import { besideOriginals, useDesignStore } from './designStore';

/** Canvas commands: each is one undo step and returns what happened, or why it could not. */
export type CommandResult = { ok: true; message?: string; id?: string } | { ok: false; reason: string };

const store = () => useDesignStore.getState();
const current = (): Design => store().history.present;

/** Records an edit's design as one undo step and hands back what the user should hear. */
function commit(result: EditResult, coalesceKey?: string): CommandResult {
  if (!result.ok) return result;
  store().replace(result.design, coalesceKey ? { coalesceKey } : undefined);
  return { ok: true, message: result.message, id: result.id };
}

/**
 * Creates what a palette item makes, dropped at `position` inside `containerId`
 * (null: bare canvas). Without a position it is placed automatically.
 */
export function addFromPalette(
  spec: NewResourceSpec,
  containerId: string | null,
  position?: { x: number; y: number },
): CommandResult {
  const design = current();
  return commit(addResource(design, spec, containerId, idSourceFor(design), position));
}

/** Stores where nodes were dragged to; a drag is one undo step. */
export function moveNodes(moves: readonly NodeMove[]): void {
  if (moves.length === 0) return;
  store().replace(moveNodesEdit(current(), moves), { coalesceKey: `move:${moves.map((m) => m.id).join(',')}` });
}

/** Moves an instance to another subnet (see `engine/edits/rehome.ts`). */
export function rehome(id: string, targetId: string | null, position: { x: number; y: number }): CommandResult {
  return commit(rehomeEdit(current(), id, targetId, position));
}

/** Deletes resources, their contents and what can't exist without them (see `engine/edits`). */
export function deleteResources(ids: readonly string[]): CommandResult {
  return commit(deleteEdit(current(), ids));
}

export function connectResources(sourceId: string, targetId: string): CommandResult {
  const design = current();
  const result = connect(design, sourceId, targetId, idSourceFor(design));
  if (!result.ok) return result;
  store().replace(result.design);
  return { ok: true, message: result.summary };
}

/** Edits one resource; typing into one field is one undo step. */
export function updateResource<R extends Resource>(
  id: string,
  recipe: (draft: Draft<R>) => void,
  field?: string,
): void {
  store().apply(
    (d) => {
      const resource = d.resources[id];
      if (resource) recipe(resource as Draft<R>);
    },
    field ? { coalesceKey: `edit:${id}:${field}` } : undefined,
  );
}

/**
 * Copies resources with new ids, as each kind's spec says, each placed beside
 * its original (one undo step for them all).
 */
export function duplicateResources(ids: readonly string[]): CommandResult {
  let working = current();
  const copies: Array<[string, string]> = [];
  let refusal: CommandResult | null = null;
  // One at a time, so each copy is known with its original.
  for (const id of ids) {
    const result = duplicateEdit(working, [id], idSourceFor(working));
    if (!result.ok) {
      refusal ??= result;
      continue;
    }
    const copy = Object.keys(result.design.resources).find((key) => !Object.hasOwn(working.resources, key));
    if (copy) copies.push([copy, id]);
    working = result.design;
  }
  if (copies.length === 0) return refusal ?? commit(duplicateEdit(working, ids, idSourceFor(working)));
  store().replace(besideOriginals(working, copies));
  return {
    ok: true,
    message: `Duplicated ${copies.length} resource${copies.length === 1 ? '' : 's'}.`,
    id: copies[copies.length - 1]![0],
  };
}

/** Changes a VPC's CIDRs and keeps every route table's `local` routes in step, as AWS does. */
export function setVpcCidrs(vpcId: string, primary: string, secondaries: readonly string[], field: string): void {
  store().replace(setVpcCidrsEdit(current(), vpcId, primary, secondaries), { coalesceKey: `edit:${vpcId}:${field}` });
}

/** Makes a table the VPC's main route table; subnets without an association follow it. */
export function setMainRouteTable(tableId: string): void {
  store().replace(setMainRouteTableEdit(current(), tableId));
}

/** Puts an instance in a security group, or takes it out. */
export function setInstanceSecurityGroup(instanceId: string, groupId: string, member: boolean): void {
  store().replace(setInstanceSecurityGroupEdit(current(), instanceId, groupId, member));
}

/** Turns an ECS service's target tracking on (with the domain's starting values) or off. */
export function setServiceScaling(serviceId: string, on: boolean): void {
  store().replace(setServiceScalingEdit(current(), serviceId, on));
}

/** Gives a trigger or service a new load shape starting at simulation time `now`. */
export function setLoadShape(id: string, shape: LoadProfile['shape'], now: number): void {
  store().replace(setLoadShapeEdit(current(), id, shape, now));
}

/** Sets an ECS service's task CPU, keeping its memory a size Fargate allows. */
export function setTaskCpu(serviceId: string, cpu: number): void {
  store().replace(setTaskCpuEdit(current(), serviceId, cpu));
}

/** Turns the account's Lambda free tier on or off for the simulation. */
export function setLambdaFreeTier(on: boolean): void {
  store().replace(setSimulationSettingsEdit(current(), { lambdaFreeTier: on }));
}

/** Chooses how the simulation scales Lambda: today's per-function model or the pre-2023 account burst. */
export function setLambdaScaling(model: 'perFunction' | 'pre2023Burst'): void {
  store().replace(setSimulationSettingsEdit(current(), { lambdaScaling: model }));
}

/**
 * Takes a new layout for the whole design (Tidy up) as one undo step, so undo
 * puts every position back exactly. `from` is the design it was computed
 * for: when the design changed meanwhile nothing is applied (false).
 */
export function applyLayout(from: Design, layout: Design['layout']): boolean {
  if (current() !== from || store().locked) return false;
  store().replace({ ...from, layout });
  return true;
}

/** Replaces the design with a changed copy (a reachability fix) as one undo step. */
export function applyDesignChange(next: Design): void {
  store().replace(next);
}

export { descendantsOf, deletionSet } from '../engine';
