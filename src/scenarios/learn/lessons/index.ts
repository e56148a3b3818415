import { parseLesson, type Lesson } from '../schema';
import ec2AndAmis from './01-ec2-and-amis.json';
import instanceTypes from './02-instance-types.json';
import instanceLifecycle from './03-instance-lifecycle.json';
import containers from './04-containers.json';
import lambdaScaling from './05-lambda-scaling.json';
import vpcSubnetsCidr from './06-vpc-subnets-cidr.json';
import routesAndIgw from './07-routes-and-igw.json';
import natGateways from './08-nat-gateways.json';
import naclVsSg from './09-nacl-vs-sg.json';
import hybridConnectivity from './10-hybrid-connectivity.json';
import surviveZoneLoss from './11-survive-zone-loss.json';
import webServerUnreachable from './12-web-server-unreachable.json';
import natReturnTraffic from './13-nat-return-traffic.json';
import clientVpn from './14-client-vpn.json';
import peeringAndTransitGateways from './15-peering-and-transit-gateways.json';
import vpcEndpoints from './16-vpc-endpoints.json';
import dataTransferCost from './17-data-transfer-cost.json';
import containersOnEks from './18-containers-on-eks.json';

/**
 * The course, in order. JSON files are the source (teachers edit data, not
 * code); each goes through parseLesson like any outside file, and a broken
 * one stops the app at load rather than showing a lesson that can't be done.
 */
const FILES: ReadonlyArray<readonly [string, unknown]> = [
  ['01-ec2-and-amis.json', ec2AndAmis],
  ['02-instance-types.json', instanceTypes],
  ['03-instance-lifecycle.json', instanceLifecycle],
  ['04-containers.json', containers],
  ['05-lambda-scaling.json', lambdaScaling],
  ['06-vpc-subnets-cidr.json', vpcSubnetsCidr],
  ['07-routes-and-igw.json', routesAndIgw],
  ['08-nat-gateways.json', natGateways],
  ['09-nacl-vs-sg.json', naclVsSg],
  ['10-hybrid-connectivity.json', hybridConnectivity],
  ['11-survive-zone-loss.json', surviveZoneLoss],
  ['12-web-server-unreachable.json', webServerUnreachable],
  ['13-nat-return-traffic.json', natReturnTraffic],
  ['14-client-vpn.json', clientVpn],
  ['15-peering-and-transit-gateways.json', peeringAndTransitGateways],
  ['16-vpc-endpoints.json', vpcEndpoints],
  ['17-data-transfer-cost.json', dataTransferCost],
  ['18-containers-on-eks.json', containersOnEks],
];

function load(name: string, data: unknown): Lesson {
  const parsed = parseLesson(data);
  if (!parsed.ok) throw new Error(`lessons/${name} is not a valid lesson:\n${parsed.errors.join('\n')}`);
  return parsed.lesson;
}

export const LESSONS: readonly Lesson[] = FILES.map(([name, data]) => load(name, data)).sort(
  (a, b) => a.order - b.order,
);

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
