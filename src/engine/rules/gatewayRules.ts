import { getResource, resourcesOfKind, type Design } from '../../domain';
import { finding, type Finding } from '../findings';
import { hasInternetRoute } from '../topology';

export function gatewayRules(design: Design): Finding[] {
  const out: Finding[] = [];
  const attachedIgw = new Map<string, string>();
  for (const gateway of resourcesOfKind(design, 'internetGateway')) {
    if (gateway.vpcId === null) continue;
    if (!getResource(design, gateway.vpcId, 'vpc')) {
      out.push(
        finding(
          'error',
          'GATEWAY_VPC_MISSING',
          gateway.id,
          `${gateway.name} is attached to VPC ${gateway.vpcId}, which does not exist.`,
        ),
      );
    } else if (attachedIgw.has(gateway.vpcId)) {
      out.push(
        finding(
          'error',
          'VPC_SEVERAL_INTERNET_GATEWAYS',
          gateway.id,
          `${gateway.name}: a VPC can have only one internet gateway attached.`,
        ),
      );
    }
    attachedIgw.set(gateway.vpcId, gateway.id);
  }
  const attachedVgw = new Set<string>();
  for (const gateway of resourcesOfKind(design, 'virtualPrivateGateway')) {
    if (gateway.vpcId === null) continue;
    if (attachedVgw.has(gateway.vpcId)) {
      out.push(
        finding(
          'error',
          'VPC_SEVERAL_VPN_GATEWAYS',
          gateway.id,
          `${gateway.name}: a VPC can have only one virtual private gateway attached.`,
        ),
      );
    }
    attachedVgw.add(gateway.vpcId);
  }
  const usedEips = new Map<string, string>();
  const claimEip = (holderId: string, holderName: string, eipId: string | null) => {
    if (!eipId) return;
    if (!getResource(design, eipId, 'elasticIp')) {
      out.push(
        finding(
          'error',
          'ELASTIC_IP_MISSING',
          holderId,
          `${holderName} uses Elastic IP ${eipId}, which does not exist.`,
        ),
      );
      return;
    }
    if (usedEips.has(eipId)) {
      out.push(
        finding(
          'error',
          'ELASTIC_IP_IN_USE',
          holderId,
          `${holderName} uses an Elastic IP already associated with ${usedEips.get(eipId)}; an Elastic IP is associated with one interface at a time.`,
        ),
      );
    }
    usedEips.set(eipId, holderName);
  };
  for (const nat of resourcesOfKind(design, 'natGateway')) {
    claimEip(nat.id, nat.name, nat.elasticIpId);
    if (!nat.elasticIpId) {
      out.push(
        finding(
          'error',
          'NAT_GATEWAY_NO_ELASTIC_IP',
          nat.id,
          `${nat.name} has no Elastic IP; a public NAT gateway needs one to reach the internet.`,
          'Allocate an Elastic IP for it.',
        ),
      );
    }
    const subnet = getResource(design, nat.subnetId, 'subnet');
    if (subnet && !hasInternetRoute(design, subnet)) {
      out.push(
        finding(
          'warning',
          'NAT_GATEWAY_PRIVATE_SUBNET',
          nat.id,
          `${nat.name} is in ${subnet.name}, which has no route to an internet gateway; a NAT gateway must sit in a public subnet, or the private subnets behind it can't reach the internet.`,
          'Move it to a public subnet, or add 0.0.0.0/0 → internet gateway to this subnet\u2019s route table.',
        ),
      );
    }
  }
  for (const instance of resourcesOfKind(design, 'ec2Instance')) {
    claimEip(instance.id, instance.name, instance.elasticIpId);
    const subnet = getResource(design, instance.subnetId, 'subnet');
    const hasPublicAddress = instance.publicIp || instance.elasticIpId !== null;
    if (subnet && hasPublicAddress && instance.state !== 'terminated' && !hasInternetRoute(design, subnet)) {
      out.push(
        finding(
          'warning',
          'PUBLIC_IP_WITHOUT_INTERNET_ROUTE',
          instance.id,
          `${instance.name} has a public IPv4 address, but ${subnet.name} has no route to an internet gateway, so the internet can't reach it (and the address is still billed).`,
          'Add 0.0.0.0/0 → internet gateway to the subnet\u2019s route table, or drop the public address.',
        ),
      );
    }
  }
  return out;
}
