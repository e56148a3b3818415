import type { Design, Resource } from '../../domain';

/**
 * Designs that share one network: every resource that is not an EC2 instance
 * is the same object in each (designs are immutable, so the same object means
 * the same content), the same set of them, and so is every instance a route
 * names (an appliance the walk forwards through). A walk between two ends
 * reads nothing else of the design but its ends, which are instances of their
 * own, so a walk made in one design of an epoch holds in another when its
 * ends' instances are the same objects too (`walk.ts`).
 *
 * The running simulation makes a new design at every launch, termination and
 * state change of an instance; those designs share an epoch, so a flow's
 * walks to the targets that did not change are not walked again.
 */
export interface NetworkEpoch {
  /** The first `resources` object seen of this epoch: the others are compared with it. */
  readonly anchor: Design['resources'];
  /** How many resources of the anchor are not instances. */
  readonly networkCount: number;
  /** The route targets of the anchor's route tables that are not one of its other resources: instances, or ids it lacks. */
  readonly appliances: readonly string[];
}

const epochs = new WeakMap<Design['resources'], NetworkEpoch>();
/** The epochs seen last, newest first: a new design is compared with these before it starts an epoch of its own. */
let recent: NetworkEpoch[] = [];
const RECENT_EPOCHS = 4;

const isInstance = (resource: Resource) => resource.kind === 'ec2Instance';

/** The epoch of a design's resources: an earlier one when its network is the same, else a new one. */
export function networkEpochOf(resources: Design['resources']): NetworkEpoch {
  let epoch = epochs.get(resources);
  if (epoch) return epoch;
  epoch = recent.find((e) => sameNetwork(e, resources));
  if (!epoch) epoch = { anchor: resources, networkCount: countNetwork(resources), appliances: appliancesOf(resources) };
  epochs.set(resources, epoch);
  recent = [epoch, ...recent.filter((e) => e !== epoch)].slice(0, RECENT_EPOCHS);
  return epoch;
}

function countNetwork(resources: Design['resources']): number {
  let count = 0;
  for (const id in resources) if (!isInstance(resources[id]!)) count++;
  return count;
}

const own = (resources: Design['resources'], id: string): Resource | undefined =>
  Object.hasOwn(resources, id) ? resources[id] : undefined;

function appliancesOf(resources: Design['resources']): string[] {
  const ids = new Set<string>();
  for (const id in resources) {
    const resource = resources[id]!;
    if (resource.kind !== 'routeTable') continue;
    for (const { target } of resource.routes) {
      if (target === 'local') continue;
      const named = own(resources, target);
      if (!named || isInstance(named)) ids.add(target);
    }
  }
  return [...ids];
}

function sameNetwork(epoch: NetworkEpoch, resources: Design['resources']): boolean {
  const { anchor } = epoch;
  let count = 0;
  for (const id in resources) {
    const resource = resources[id]!;
    if (isInstance(resource)) continue;
    if (!Object.hasOwn(anchor, id) || anchor[id] !== resource) return false;
    count++;
  }
  if (count !== epoch.networkCount) return false;
  // The route tables are the same objects, so they name the same ids: those ids must hold the same instances (or none).
  for (const id of epoch.appliances) if (own(anchor, id) !== own(resources, id)) return false;
  return true;
}
