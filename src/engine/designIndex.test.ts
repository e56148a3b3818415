import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getResource, resourcesOfKind, type Design, type Resource } from '../domain';
import { containsAddress, parseCidr, parseIpv4 } from '../net';
import { TEMPLATES } from '../scenarios/templates';
import { designIndex } from './designIndex';

/**
 * Every lookup of the index answers what the scan it replaced answers (the
 * scans are kept here as they were written in the path search), on templates
 * changed at random so that lookups collide: two gateways on one VPC, a
 * detached one, instances sharing an address or an Elastic IP, links
 * repeated, an on-premises network inside another.
 */
const scans = {
  instanceAt: (design: Design, address: string) =>
    resourcesOfKind(design, 'ec2Instance').find(
      (i) => i.privateIp === address || getResource(design, i.elasticIpId, 'elasticIp')?.publicIp === address,
    ),
  internetGatewayOf: (design: Design, vpcId: string) =>
    resourcesOfKind(design, 'internetGateway').find((g) => g.vpcId === vpcId),
  virtualPrivateGatewayOf: (design: Design, vpcId: string) =>
    resourcesOfKind(design, 'virtualPrivateGateway').find((g) => g.vpcId === vpcId),
  directConnectBetween: (design: Design, vgwId: string, networkId: string) =>
    resourcesOfKind(design, 'directConnectConnection').find(
      (dx) => dx.vpnGatewayId === vgwId && dx.onPremisesNetworkId === networkId,
    ),
  vpnBetween: (design: Design, vgwId: string, networkId: string) =>
    resourcesOfKind(design, 'vpnConnection').find(
      (vpn) =>
        vpn.vpnGatewayId === vgwId &&
        getResource(design, vpn.customerGatewayId, 'customerGateway')?.onPremisesNetworkId === networkId,
    ),
  linksOf: (design: Design, vgwId: string) => ({
    vpns: resourcesOfKind(design, 'vpnConnection').filter((v) => v.vpnGatewayId === vgwId),
    directConnects: resourcesOfKind(design, 'directConnectConnection').filter((d) => d.vpnGatewayId === vgwId),
  }),
  subnetsOf: (design: Design, vpcId: string) => resourcesOfKind(design, 'subnet').filter((s) => s.vpcId === vpcId),
  onPremisesNetworkAt: (design: Design, address: number) =>
    resourcesOfKind(design, 'onPremisesNetwork').find((n) =>
      n.cidrs.some((c) => {
        const parsed = parseCidr(c);
        return parsed.ok && containsAddress(parsed.value, address);
      }),
    ),
};

const bases = TEMPLATES.map((t) => t.build());

/** Copies of resources of the design with some fields taken from others of the same kind, under new ids. */
const shuffled = (design: Design) => {
  const all = Object.values(design.resources);
  return fc
    .array(fc.tuple(fc.constantFrom(...all), fc.constantFrom(...all), fc.boolean()), { maxLength: 12 })
    .map((picks) => {
      const resources: Record<string, Resource> = { ...design.resources };
      picks.forEach(([copy, donor, detach], i) => {
        const id = `${copy.id}-copy-${i}`;
        // Same kind: take the donor's references, so lookups collide; otherwise a plain copy.
        const fields = copy.kind === donor.kind ? { ...donor } : {};
        const made = { ...copy, ...fields, id } as Record<string, unknown>;
        if (detach && 'vpcId' in made) made.vpcId = null;
        if (detach && made.kind === 'onPremisesNetwork') made.cidrs = ['192.168.1.0/24', 'bad'];
        resources[id] = made as unknown as Resource;
      });
      return { ...design, resources: resources as Design['resources'] };
    });
};

const arbitraryDesign = fc.constantFrom(...bases).chain(shuffled);

describe('designIndex', () => {
  it('answers every lookup as the scan it replaced', () => {
    fc.assert(
      fc.property(arbitraryDesign, (design) => {
        const index = designIndex(design);
        const ids = Object.keys(design.resources);
        const addresses = [
          ...resourcesOfKind(design, 'ec2Instance').map((i) => i.privateIp),
          ...resourcesOfKind(design, 'elasticIp').map((e) => e.publicIp),
          '10.0.0.1',
          '192.168.1.9',
          '192.168.200.1',
        ];
        for (const address of addresses) {
          expect(index.instanceAt(address)).toBe(scans.instanceAt(design, address));
          const parsed = parseIpv4(address);
          if (parsed.ok)
            expect(index.onPremisesNetworkAt(parsed.value)).toBe(scans.onPremisesNetworkAt(design, parsed.value));
        }
        for (const id of [...ids, 'vpc-missing']) {
          expect(index.internetGatewayOf(id)).toBe(scans.internetGatewayOf(design, id));
          expect(index.virtualPrivateGatewayOf(id)).toBe(scans.virtualPrivateGatewayOf(design, id));
          expect(index.subnetsOf(id)).toEqual(scans.subnetsOf(design, id));
          expect(index.linksOf(id)).toEqual(scans.linksOf(design, id));
          for (const network of resourcesOfKind(design, 'onPremisesNetwork')) {
            expect(index.directConnectBetween(id, network.id)).toBe(scans.directConnectBetween(design, id, network.id));
            expect(index.vpnBetween(id, network.id)?.vpn).toBe(scans.vpnBetween(design, id, network.id));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is built once per resources object and again for a changed design', () => {
    const design = bases[0]!;
    expect(designIndex(design)).toBe(designIndex({ ...design }));
    expect(designIndex({ ...design, resources: { ...design.resources } })).not.toBe(designIndex(design));
  });
});
