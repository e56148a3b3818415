import { findInstanceType, getResource, resourcesOfKind, type Design, type Ec2Instance } from '../../domain';
import { analyzeReachability, parseEndpoint, validateDesign, type ReachResult } from '../../engine';
import { describeSubnet, parseCidr } from '../../net';
import { DEFAULT_RESPONSE_BYTES } from '../../sim/dataTransfer';
import type { GoalCheck, InstanceMatch } from './schema';

/** The verdict on one check, with the reason in words a student can act on. */
export interface CheckOutcome {
  met: boolean;
  detail: string;
}

type CheckOf<T extends GoalCheck['type']> = Extract<GoalCheck, { type: T }>;

const count = (n: number, word: string, plural = `${word}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? word : plural}`;

/** The hop that stopped the packet, with the rule that decided when there is one. */
function blockingReason(result: ReachResult): string {
  const blocked = result.blockedBy;
  if (!blocked) return '';
  const hops = blocked.direction === 'forward' ? result.forward : result.return;
  const hop = hops[hops.length - 1];
  if (!hop) return '';
  return hop.rule ? ` ${hop.explanation} (rule: ${hop.rule})` : ` ${hop.explanation}`;
}

export function checkReach(design: Design, check: CheckOf<'reach'>): CheckOutcome {
  const from = parseEndpoint(design, check.from);
  const to = parseEndpoint(design, check.to);
  if (!from.ok) return { met: false, detail: `Can't trace the path: ${from.error}.` };
  if (!to.ok) return { met: false, detail: `Can't trace the path: ${to.error}.` };
  const outcome = analyzeReachability(design, {
    from: from.spec,
    to: to.spec,
    protocol: check.protocol,
    port: check.port,
  });
  if (!outcome.ok) return { met: false, detail: `Can't trace the path: ${outcome.error}.` };
  const result = outcome.result;
  if (check.expect === 'reachable')
    return { met: result.reachable, detail: result.summary + (result.reachable ? '' : blockingReason(result)) };
  return result.reachable
    ? { met: false, detail: `${result.summary} It should not: close the way in.` }
    : { met: true, detail: result.summary };
}

/** A Client VPN user of the endpoint reaches (or must not reach) `to`: a reach check from the endpoint's user. */
export function checkClientVpnReaches(design: Design, check: CheckOf<'clientVpnReaches'>): CheckOutcome {
  const endpoint = getResource(design, check.endpointId, 'clientVpnEndpoint');
  if (!endpoint)
    return { met: false, detail: `The Client VPN endpoint "${check.endpointId}" is no longer in the design.` };
  return checkReach(design, { ...check, type: 'reach', from: endpoint.id });
}

export function checkUsableAddresses(design: Design, check: CheckOf<'usableAddresses'>): CheckOutcome {
  const subnet = getResource(design, check.subnet, 'subnet');
  if (!subnet) return { met: false, detail: `The subnet "${check.subnet}" is no longer in the design.` };
  const block = parseCidr(subnet.cidr);
  if (!block.ok)
    return { met: false, detail: `${subnet.name}: "${subnet.cidr}" is not a valid CIDR (${block.error}).` };
  const info = describeSubnet(block.value);
  if (info.note) return { met: false, detail: `${subnet.name}: ${info.note}.` };
  const have = `${subnet.name} (${info.cidr}) has ${count(info.size, 'address', 'addresses')}; AWS keeps 5, leaving ${info.usable.toLocaleString('en-US')} usable`;
  return info.usable >= check.atLeast
    ? { met: true, detail: `${have}, enough for ${check.atLeast.toLocaleString('en-US')}.` }
    : { met: false, detail: `${have}, but the goal needs at least ${check.atLeast.toLocaleString('en-US')}.` };
}

export function checkNoFindings(design: Design, check: CheckOf<'noFindings'>): CheckOutcome {
  const codes = check.codes;
  const counted = validateDesign(design).filter((f) =>
    codes ? codes.includes(f.code) : check.severity === 'warning' || f.severity === 'error',
  );
  const what = codes ? `findings ${codes.join(', ')}` : check.severity === 'error' ? 'errors' : 'errors or warnings';
  if (counted.length === 0) return { met: true, detail: `Validation shows no ${what}.` };
  const shown = counted
    .slice(0, 3)
    .map((f) => f.message)
    .join(' ');
  const more = counted.length > 3 ? ` (and ${counted.length - 3} more)` : '';
  return { met: false, detail: `Validation still shows ${count(counted.length, 'problem')}: ${shown}${more}` };
}

function matches(instance: Ec2Instance, where: InstanceMatch): boolean {
  const type = findInstanceType(instance.instanceType);
  return (
    (where.id === undefined || instance.id === where.id) &&
    (where.state === undefined || instance.state === where.state) &&
    (where.amiId === undefined || instance.amiId === where.amiId) &&
    (where.family === undefined || type?.family === where.family) &&
    (where.minVcpu === undefined || (type?.vcpu ?? 0) >= where.minVcpu) &&
    (where.minMemoryGiB === undefined || (type?.memoryGiB ?? 0) >= where.minMemoryGiB)
  );
}

/** "running, memory optimized, at least 16 GiB": the filter in words, for the detail line. */
function describeMatch(where: InstanceMatch): string {
  const parts = [
    where.id && `named ${where.id}`,
    where.state,
    where.family,
    where.amiId && `from ${where.amiId}`,
    where.minVcpu !== undefined && `at least ${where.minVcpu} vCPU`,
    where.minMemoryGiB !== undefined && `at least ${where.minMemoryGiB} GiB of memory`,
  ].filter((p): p is string => typeof p === 'string' && p.length > 0);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

export function checkInstances(design: Design, check: CheckOf<'instances'>): CheckOutcome {
  const found = resourcesOfKind(design, 'ec2Instance').filter((i) => matches(i, check.where));
  const names = found.length > 0 ? `: ${found.map((i) => `${i.name} (${i.instanceType}, ${i.state})`).join(', ')}` : '';
  const head = `${count(found.length, 'instance')} match${found.length === 1 ? 'es' : ''}${describeMatch(check.where)}${names}`;
  if (check.atLeast !== undefined && found.length < check.atLeast)
    return { met: false, detail: `${head}; the goal needs at least ${check.atLeast}.` };
  if (check.atMost !== undefined && found.length > check.atMost)
    return { met: false, detail: `${head}; the goal allows at most ${check.atMost}.` };
  return { met: true, detail: `${head}.` };
}

const bytesInWords = (bytes: number) =>
  bytes >= 2 ** 20 && bytes % 2 ** 20 === 0
    ? `${bytes / 2 ** 20} MiB`
    : bytes >= 2 ** 10 && bytes % 2 ** 10 === 0
      ? `${bytes / 2 ** 10} KiB`
      : `${bytes} bytes`;

export function checkFlowKept(design: Design, check: CheckOf<'flowKept'>): CheckOutcome {
  const wanted = `from ${check.from} to ${check.to}, ${check.atLeastPerSecond} requests a second or more${
    check.atLeastResponseBytes > 0 ? `, with responses of ${bytesInWords(check.atLeastResponseBytes)} or more` : ''
  }`;
  const flow = design.flows?.find((f) => f.id === check.flowId);
  if (!flow) return { met: false, detail: `The flow the lesson sets (${wanted}) is no longer in the design.` };
  const name = `“${flow.name}”`;
  if (flow.from !== check.from || flow.to !== check.to)
    return { met: false, detail: `${name} no longer runs ${wanted.split(',')[0]}.` };
  if (flow.ratePerSecond < check.atLeastPerSecond)
    return { met: false, detail: `${name} sends ${flow.ratePerSecond} a second; the workload is ${wanted}.` };
  const response = flow.responseBytes ?? DEFAULT_RESPONSE_BYTES;
  if (response < check.atLeastResponseBytes)
    return {
      met: false,
      detail: `${name}'s responses are ${bytesInWords(response)}; the workload is ${wanted}.`,
    };
  return { met: true, detail: `${name} still runs ${wanted}.` };
}
