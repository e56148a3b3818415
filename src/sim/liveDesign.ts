import type { Design, Ec2Instance, InstanceState } from '../domain';

/**
 * The design with the simulation's instance states and auto-assigned public
 * addresses (a stopped instance released its address; a started one holds a
 * new one), so an address names whoever holds it now. The same object when
 * nothing differs (keeps lookup caches).
 */
export function withLiveStates(
  design: Design,
  liveStates: Record<string, InstanceState> = {},
  publicIps: Record<string, string | null> = {},
): Design {
  let resources: Design['resources'] | null = null;
  const change = (id: string, edit: (instance: Ec2Instance) => Ec2Instance | null) => {
    const current = resources ?? design.resources;
    const instance = Object.hasOwn(current, id) ? current[id] : undefined;
    const next = instance?.kind === 'ec2Instance' ? edit(instance) : null;
    if (!next) return;
    resources ??= { ...design.resources };
    resources[id] = next;
  };
  for (const [id, state] of Object.entries(liveStates))
    change(id, (instance) => (instance.state === state ? null : { ...instance, state }));
  for (const [id, address] of Object.entries(publicIps))
    change(id, (instance) =>
      !instance.publicIp || instance.elasticIpId !== null || address === null || instance.publicIpAddress === address
        ? null
        : { ...instance, publicIpAddress: address },
    );
  return resources ? { ...design, resources } : design;
}
