import type { Design, PacketProtocol, Resource } from '../../domain';
import { createPathContext, type PathContext, type PathOptions } from './context';
import { EPHEMERAL_RANGES, type Endpoint } from './endpoints';
import { withOutage } from './outages';
import { enteringFor } from './clientVpn';
import { searchPath } from './paths';
import { networkEpochOf, type NetworkEpoch } from './networkEpoch';
import type { Packet } from './ruleEvaluate';

/** The packet of one connection: its protocol, destination port and (by default the client OS's first ephemeral) source port. */
export interface ConnectionPacket {
  protocol: PacketProtocol;
  port: number;
  sourcePort?: number;
}

export type Walked = { ok: true; ctx: PathContext; sourcePort: number } | { ok: false; error: string };

/**
 * Walks one connection between two resolved ends, with the outages the
 * options lay over (a load balancer's two legs are two such walks).
 */
export function walkBetween(
  design: Design,
  from: Endpoint,
  to: Endpoint,
  query: ConnectionPacket,
  options: PathOptions,
): Walked {
  const src = withOutage(enteringFor(design, from, to, options), options);
  const dst = withOutage(to, options);
  if (src.kind !== 'interface' && dst.kind !== 'interface')
    return { ok: false, error: 'one end must be in a VPC (an instance, a NAT gateway or a function with VPC access)' };
  if (!Number.isInteger(query.port) || query.port < 0 || query.port > 65535)
    return { ok: false, error: `port ${query.port} is not 0-65535` };
  const os = src.kind === 'interface' ? src.os : 'linux';
  const sourcePort = query.sourcePort ?? EPHEMERAL_RANGES[os].from;
  const packet: Packet = { protocol: query.protocol, port: query.port };
  const reply: Packet = { protocol: query.protocol, port: sourcePort };
  const ctx = createPathContext({
    design,
    source: src,
    destination: dst,
    request: packet,
    response: reply,
    options,
  });
  searchPath(ctx);
  return { ok: true, ctx, sourcePort };
}

/**
 * What a walk asked of the simulation's outages: whether a zone is down,
 * whether a resource is out of service, and the answer. A walk asks only of
 * what it passes (its ends' zones and owners, a NAT gateway, a subnet of a
 * transit gateway attachment), so it holds while those answers do, whatever
 * else goes down or comes back.
 */
interface Asked {
  zone: boolean;
  id: string;
  answer: boolean;
}

/** A walk remembered with the instances its ends are, as they were when it was made, and what it asked of the outages. */
interface Remembered {
  ends: readonly (Resource | undefined)[];
  /** Null when the walk read the outage lists otherwise than one id at a time: then `outages` must be the same. */
  asked: readonly Asked[] | null;
  outages: string;
  walked: Walked;
}

/** Per network epoch (see `networkEpoch.ts`), the walks made, by question, newest first. */
const walkCache = new WeakMap<NetworkEpoch, Map<string, Remembered[]>>();
/** Walks kept per question: an instance that goes back and forth between states finds each of its walks again. */
const WALKS_PER_QUESTION = 4;

/**
 * An end's identity for the walk cache: what the walk reads of it beyond its
 * instance (an instance end's walk is reused only while it is the same object).
 */
function endKey(end: Endpoint): string {
  if (end.kind === 'interface')
    return `${end.ownerKind}:${end.ownerId}:${end.privateIp}:${end.subnet.id}:${end.addressed ?? ''}:${end.outage?.code ?? ''}${end.ownerKind === 'ec2Instance' ? '' : `:${end.name}`}`;
  return end.kind === 'onPremises' ? `on:${end.network.id}:${end.address}` : `net:${end.address}`;
}

/** The instance an end is, as the design has it now (undefined: the end is no instance, or the design lacks it). */
function instanceOf(design: Design, end: Endpoint): Resource | undefined {
  if (end.kind !== 'interface' || end.ownerKind !== 'ec2Instance') return undefined;
  return Object.hasOwn(design.resources, end.ownerId) ? design.resources[end.ownerId] : undefined;
}

const outagesKey = (options: PathOptions) =>
  `${options.zonesDown?.join(',') ?? ''}|${options.outOfService?.join(',') ?? ''}`;

/** An outage list as a set, made once per list (the simulation makes one list per plan and many walks ask of it). */
export function outageSet(list: readonly string[] | undefined): ReadonlySet<string> {
  if (!list) return NO_OUTAGES;
  let set = outageSets.get(list);
  if (!set) {
    set = new Set(list);
    outageSets.set(list, set);
  }
  return set;
}

const NO_OUTAGES: ReadonlySet<string> = new Set();
const outageSets = new WeakMap<readonly string[], ReadonlySet<string>>();

const answers = (options: PathOptions, asked: Asked) =>
  outageSet(asked.zone ? options.zonesDown : options.outOfService).has(asked.id) === asked.answer;

/** An outage list that notes each `includes` asked of it; any other read marks the walk as having read it whole. */
function watched(list: readonly string[], zone: boolean, log: { asked: Asked[]; whole: boolean }): readonly string[] {
  return new Proxy(list, {
    get(target, property, receiver) {
      if (property === 'includes')
        return (id: string) => {
          const answer = target.includes(id);
          log.asked.push({ zone, id, answer });
          return answer;
        };
      log.whole = true;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/** Walks one connection with the outage lists watched, so the walk can be remembered with what it asked. */
function watchedWalk(
  design: Design,
  from: Endpoint,
  to: Endpoint,
  packet: ConnectionPacket,
  options: PathOptions,
): { walked: Walked; asked: readonly Asked[] | null } {
  const log = { asked: [] as Asked[], whole: false };
  // An absent list answers every `includes` as an empty one does.
  const watchedOptions: PathOptions = {
    ...options,
    zonesDown: watched(options.zonesDown ?? [], true, log),
    outOfService: watched(options.outOfService ?? [], false, log),
  };
  const walked = walkBetween(design, from, to, packet, watchedOptions);
  return { walked, asked: log.whole ? null : log.asked };
}

/**
 * A walk, remembered per network: a flow's path is planned again whenever a
 * target's health changes, an instance launches, stops or terminates, or a
 * zone or instance goes out, and most of its walks are the same then. A walk
 * made in one design is reused in another of the same network epoch (every
 * resource but the instances the same objects) when its ends' instances are
 * the same objects too and the outages it asked about answer the same; so
 * only the walks of an instance that changed are walked again. Walks are never
 * changed once made (verdicts copy their hops).
 */
export function cachedWalk(
  design: Design,
  from: Endpoint,
  to: Endpoint,
  packet: ConnectionPacket,
  options: PathOptions,
): Walked {
  const epoch = networkEpochOf(design.resources);
  let byKey = walkCache.get(epoch);
  if (!byKey) {
    byKey = new Map();
    walkCache.set(epoch, byKey);
  }
  const db = options.dbEndpoints ? JSON.stringify(options.dbEndpoints) : '';
  const key = `${endKey(from)}|${endKey(to)}|${packet.protocol}|${packet.port}|${packet.sourcePort ?? ''}|${db}`;
  const from0 = instanceOf(design, from);
  const to0 = instanceOf(design, to);
  const remembered = byKey.get(key);
  let outages: string | null = null;
  const found = remembered?.find(
    (r) =>
      r.ends[0] === from0 &&
      r.ends[1] === to0 &&
      (r.asked ? r.asked.every((a) => answers(options, a)) : r.outages === (outages ??= outagesKey(options))),
  );
  if (found) return found.walked;
  const { walked, asked } = watchedWalk(design, from, to, packet, options);
  if (byKey.size > 50_000) byKey.clear();
  const entry: Remembered = { ends: [from0, to0], asked, outages: asked ? '' : outagesKey(options), walked };
  byKey.set(key, [entry, ...(remembered ?? [])].slice(0, WALKS_PER_QUESTION));
  entries.set(walked, entry);
  return walked;
}

const entries = new WeakMap<Walked, Remembered>();

/**
 * Whether a walk `cachedWalk` made still holds under these outages (what it
 * asked of them answers the same), for a caller that keeps a walk with
 * everything else it was made from (its network epoch, its ends' instances).
 */
export function walkHoldsUnder(walked: Walked, options: PathOptions): boolean {
  const entry = entries.get(walked);
  if (!entry) return false;
  return entry.asked ? entry.asked.every((a) => answers(options, a)) : entry.outages === outagesKey(options);
}
