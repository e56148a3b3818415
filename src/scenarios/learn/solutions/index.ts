import type { Design } from '../../../domain';
import { solveClientVpn } from './client-vpn';
import { solveContainers } from './containers';
import { solveContainersOnEks } from './containers-on-eks';
import { solveDataTransferCost } from './data-transfer-cost';
import { solveEc2AndAmis } from './ec2-and-amis';
import { solveHybridConnectivity } from './hybrid-connectivity';
import { solveInstanceLifecycle } from './instance-lifecycle';
import { solveInstanceTypes } from './instance-types';
import { solveLambdaScaling } from './lambda-scaling';
import { solveNaclVsSg } from './nacl-vs-sg';
import { solveNatGateways } from './nat-gateways';
import { solveNatReturnTraffic } from './nat-return-traffic';
import { solvePeeringAndTransitGateways } from './peering-and-transit-gateways';
import { solveRoutesAndIgw } from './routes-and-igw';
import { solveVpcSubnets } from './vpc-subnets-cidr';
import { solveSurviveZoneLoss } from './survive-zone-loss';
import { solveVpcEndpoints } from './vpc-endpoints';
import { solveWebServerUnreachable } from './web-server-unreachable';

/** Reference solutions by lesson id, for tests: each returns the start design with the student's fix applied. */
export const SOLUTIONS: Readonly<Record<string, (start: Design) => Design>> = {
  'ec2-and-amis': solveEc2AndAmis,
  'instance-types': solveInstanceTypes,
  'instance-lifecycle': solveInstanceLifecycle,
  containers: solveContainers,
  'lambda-scaling': solveLambdaScaling,
  'vpc-subnets-cidr': solveVpcSubnets,
  'routes-and-igw': solveRoutesAndIgw,
  'nat-gateways': solveNatGateways,
  'nacl-vs-sg': solveNaclVsSg,
  'hybrid-connectivity': solveHybridConnectivity,
  'survive-zone-loss': solveSurviveZoneLoss,
  'web-server-unreachable': solveWebServerUnreachable,
  'nat-return-traffic': solveNatReturnTraffic,
  'client-vpn': solveClientVpn,
  'peering-and-transit-gateways': solvePeeringAndTransitGateways,
  'vpc-endpoints': solveVpcEndpoints,
  'data-transfer-cost': solveDataTransferCost,
  'containers-on-eks': solveContainersOnEks,
};
