import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Design, Ec2Instance, LoadBalancer, Subnet } from '../../domain';
import { formatIpv4, parseCidr } from '../../net';
import { haDesign, named } from '../testing/haDesign';
import { loadBalancerNodes } from './loadBalancerNodes';

/** The fourth-last address of a subnet, as text. */
function fourthLast(subnet: Subnet): string {
  const block = parseCidr(subnet.cidr);
  if (!block.ok) throw new Error(block.error);
  return formatIpv4(block.value.network + 2 ** (32 - block.value.prefix) - 4);
}

describe('drawn node addresses', () => {
  it('avoid addresses taken in the subnet: two load balancers and an instance never share one', () => {
    const base = haDesign();
    const publicA = named<Subnet>(base, 'Public A');
    const design = produce(base, (d: Design) => {
      const lb = d.resources['elb-web'] as LoadBalancer;
      for (const m of lb.subnetMappings) m.privateIp = null;
      d.resources['elb-other'] = { ...lb, id: 'elb-other' as LoadBalancer['id'], name: 'other-lb' };
      (d.resources[named<Ec2Instance>(base, 'Web A').id] as Ec2Instance).privateIp = fourthLast(publicA);
    });
    const inA = (id: string) =>
      loadBalancerNodes(design, design.resources[id] as LoadBalancer, {}).find((n) => n.subnet.id === publicA.id)!;
    const web = formatIpv4(inA('elb-web').eni.privateIp);
    const other = formatIpv4(inA('elb-other').eni.privateIp);
    expect(new Set([web, other, fourthLast(publicA)]).size).toBe(3);
    // Drawn the same whichever load balancer is asked first.
    const again = structuredClone(design);
    const otherFirst = loadBalancerNodes(again, again.resources['elb-other'] as LoadBalancer, {});
    expect(formatIpv4(otherFirst.find((n) => n.subnet.id === publicA.id)!.eni.privateIp)).toBe(other);
  });
});
