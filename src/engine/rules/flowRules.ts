import type { Design } from '../../domain';
import { finding, type Finding } from '../findings';
import { resolveEndpoint, type Resolved } from '../reach/endpoints';
import { parseEndpoint } from '../reach/endpointText';

/** Why a flow endpoint written as text does not lead to something traffic can start from or reach, or null. */
export function flowEndpointProblem(design: Design, text: string): string | null {
  const spec = parseEndpoint(design, text);
  if (!spec.ok) return spec.error;
  const resolved: Resolved = resolveEndpoint(design, spec.spec);
  return resolved.ok ? null : resolved.error;
}

/** Flows whose ends stopped resolving (an instance deleted or renamed away): the simulation can't send them. */
export function flowRules(design: Design): Finding[] {
  const out: Finding[] = [];
  for (const flow of design.flows ?? []) {
    for (const [role, text] of [
      ['source', flow.from],
      ['destination', flow.to],
    ] as const) {
      const problem = flowEndpointProblem(design, text);
      if (problem)
        out.push(
          finding(
            'warning',
            'FLOW_ENDPOINT_UNRESOLVED',
            flow.id,
            `Flow "${flow.name}": its ${role} "${text}" does not resolve (${problem}), so the simulation sends nothing.`,
            `Point the flow's ${role} at an existing instance, "internet" or an address, or delete the flow.`,
          ),
        );
    }
  }
  return out;
}
