import { findInstanceType, getResource, resourcesOfKind, type Design, type Resource } from '../domain';
import { hasInternetRoute, networkAclForSubnet, routeTableForSubnet } from '../engine';
import { parseCidr, usableCount } from '../net';

/** The key facts a node shows, in words; derived, never stored. */
export interface NodeFacts {
  title: string;
  lines: string[];
  badges: Array<{ text: string; tone: 'public' | 'private' | 'neutral' | 'state' }>;
}

const usable = (text: string): string => {
  const parsed = parseCidr(text);
  return parsed.ok ? `${usableCount(parsed.value).toLocaleString('en-US')} usable` : 'invalid CIDR';
};

export function nodeFacts(design: Design, resource: Resource): NodeFacts {
  const facts: NodeFacts = { title: resource.name || resource.id, lines: [], badges: [] };
  switch (resource.kind) {
    case 'region':
      facts.lines.push(resource.code);
      break;
    case 'availabilityZone':
      facts.lines.push(resource.zoneName);
      break;
    case 'vpc':
      for (const block of [resource.cidr, ...resource.secondaryCidrs]) facts.lines.push(`${block} · ${usable(block)}`);
      break;
    case 'subnet': {
      facts.lines.push(`${resource.cidr} · ${usable(resource.cidr)}`);
      const table = routeTableForSubnet(design, resource);
      const acl = networkAclForSubnet(design, resource);
      const isPublic = hasInternetRoute(design, resource);
      facts.badges.push({ text: isPublic ? 'Public' : 'Private', tone: isPublic ? 'public' : 'private' });
      if (table) facts.badges.push({ text: `RT: ${table.name}`, tone: 'neutral' });
      if (acl) facts.badges.push({ text: `ACL: ${acl.name}`, tone: 'neutral' });
      break;
    }
    case 'ec2Instance': {
      const type = findInstanceType(resource.instanceType);
      facts.lines.push(type ? `${type.name} · ${type.vcpu} vCPU · ${type.memoryGiB} GiB` : resource.instanceType);
      const eip = getResource(design, resource.elasticIpId, 'elasticIp');
      facts.lines.push(
        `${resource.privateIp}${eip ? ` · EIP ${eip.publicIp}` : resource.publicIp ? ' · public IPv4' : ''}`,
      );
      facts.badges.push({ text: resource.state, tone: 'state' });
      for (const id of resource.securityGroupIds) {
        const group = getResource(design, id, 'securityGroup');
        if (group) facts.badges.push({ text: `SG: ${group.name}`, tone: 'neutral' });
      }
      break;
    }
    case 'natGateway': {
      const eip = getResource(design, resource.elasticIpId, 'elasticIp');
      facts.lines.push(`${resource.privateIp}${eip ? ` · ${eip.publicIp}` : ' · no Elastic IP'}`);
      break;
    }
    case 'internetGateway':
    case 'virtualPrivateGateway':
      facts.lines.push(resource.vpcId ? 'attached' : 'detached');
      break;
    case 'routeTable':
      facts.lines.push(
        `${resource.routes.length} route${resource.routes.length === 1 ? '' : 's'}${resource.main ? ' · main' : ''}`,
      );
      break;
    case 'networkAcl':
      facts.lines.push(
        `${resource.inbound.length} in · ${resource.outbound.length} out${resource.isDefault ? ' · default' : ''}`,
      );
      break;
    case 'securityGroup': {
      const members = resourcesOfKind(design, 'ec2Instance').filter((i) =>
        i.securityGroupIds.includes(resource.id),
      ).length;
      facts.lines.push(
        `${resource.inbound.length} in · ${resource.outbound.length} out · ${members} member${members === 1 ? '' : 's'}`,
      );
      break;
    }
    case 'elasticIp':
      facts.lines.push(resource.publicIp);
      break;
    case 'lambdaFunction':
      facts.lines.push(`${resource.runtime} · ${resource.memoryMb} MB · ${resource.timeoutSeconds} s`);
      if (resource.vpcConfig) facts.badges.push({ text: 'VPC access', tone: 'neutral' });
      break;
    case 'lambdaTrigger':
      facts.lines.push(resource.source === 'eventBridgeSchedule' ? 'schedule' : `${resource.eventsPerSecond} events/s`);
      break;
    case 'ecsCluster':
      facts.lines.push('ECS');
      break;
    case 'ecsService':
      facts.lines.push(
        `${resource.launchType === 'FARGATE' ? 'Fargate' : 'EC2'} · ${resource.desiredCount} tasks · ${resource.taskCpu / 1024} vCPU / ${resource.taskMemory} MiB`,
      );
      break;
    case 'eksCluster':
      facts.lines.push(
        resource.compute.type === 'nodeGroup'
          ? `node group ${resource.compute.instanceType} × ${resource.compute.desiredSize}`
          : 'Fargate profile',
      );
      break;
    case 'customerGateway':
      facts.lines.push(`${resource.ipAddress} · ASN ${resource.bgpAsn}`);
      break;
    case 'onPremisesNetwork':
      facts.lines.push(resource.cidrs.join(', '));
      break;
    case 'vpnConnection':
      facts.lines.push(`2 tunnels · ${resource.routing}`);
      break;
    case 'directConnectConnection':
      facts.lines.push(`${resource.bandwidth} · ${resource.location}`);
      break;
    case 'clientVpnEndpoint':
      facts.lines.push(`clients ${resource.clientCidr}`);
      break;
    case 'internet':
      facts.lines.push('users');
      break;
  }
  return facts;
}
