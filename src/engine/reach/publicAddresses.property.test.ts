import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoPublicIpv4Of, getResource, resourcesOfKind, type PacketProtocol } from '../../domain';
import { TEMPLATES } from '../../scenarios/templates';
import { analyzeReachability } from './reachability';

/** Over every template's instances, with any protocol and port. */
const designs = TEMPLATES.map((t) => t.build());
const cases = designs.flatMap((design) =>
  resourcesOfKind(design, 'ec2Instance').map((instance) => ({ design, instance })),
);
const protocol = fc.oneof(
  fc.constantFrom<PacketProtocol>('tcp', 'udp', 'icmp'),
  fc.integer({ min: 0, max: 255 }).filter((n) => n !== 1 && n !== 6 && n !== 17),
);

describe('public and private addresses, on every template', () => {
  it('the internet never reaches an instance by its private address', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        protocol,
        fc.integer({ min: 0, max: 65535 }),
        ({ design, instance }, p, port) => {
          const outcome = analyzeReachability(design, {
            from: { kind: 'internet' },
            to: { kind: 'address', address: instance.privateIp },
            protocol: p,
            port,
          });
          expect(outcome.ok && outcome.result.reachable).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('from the internet, naming an instance or its public address gives the same verdict and hops', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        protocol,
        fc.integer({ min: 0, max: 65535 }),
        ({ design, instance }, p, port) => {
          const address =
            getResource(design, instance.elasticIpId, 'elasticIp')?.publicIp ?? autoPublicIpv4Of(instance);
          fc.pre(address !== null);
          const ask = (to: { kind: 'resource'; id: string } | { kind: 'address'; address: string }) => {
            const outcome = analyzeReachability(design, { from: { kind: 'internet' }, to, protocol: p, port });
            if (!outcome.ok) throw new Error(outcome.error);
            return outcome.result;
          };
          const byName = ask({ kind: 'resource', id: instance.id });
          const byAddress = ask({ kind: 'address', address: address! });
          expect(byAddress.reachable).toBe(byName.reachable);
          expect(byAddress.forward.map((h) => h.explanation)).toEqual(byName.forward.map((h) => h.explanation));
        },
      ),
      { numRuns: 200 },
    );
  });
});
