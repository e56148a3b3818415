import type { Draft } from 'immer';
import { routeTargetsInVpc, type Design, type RouteTable } from '../../domain';
import { blackholeReason } from '../../engine';
import { updateResource, useViewStore } from '../../store';
import { cellControl, smallButton } from './fields';
import { cidrError, highlightRow, td, th, RemoveRowButton } from './ruleCells';

/** Routes with a target picker; `local` routes are fixed, as in AWS. */
export function RoutesTable({ table, design }: { table: RouteTable; design: Design }) {
  const mark = useViewStore((s) => s.highlightedRule);
  const targets = routeTargetsInVpc(design, table.vpcId);
  const edit = (index: number, recipe: (route: Draft<RouteTable['routes'][number]>) => void, field: string) =>
    updateResource<RouteTable>(table.id, (d) => recipe(d.routes[index]!), `route:${index}:${field}`);
  return (
    <div className="flex flex-col gap-2">
      <table aria-label="Routes" className="w-full text-xs">
        <thead>
          <tr>
            <th className={th}>Destination</th>
            <th className={th}>Target</th>
            <th className={th} />
          </tr>
        </thead>
        <tbody>
          {table.routes.map((route, index) => {
            const local = route.target === 'local';
            const blackhole = blackholeReason(design, table, route.target);
            return (
              <tr
                key={index}
                {...highlightRow(
                  mark?.resourceId === table.id &&
                    mark.ref.kind === 'route' &&
                    mark.ref.destination === route.destination,
                )}
              >
                <td className={td}>
                  <input
                    aria-label="Destination"
                    value={route.destination}
                    disabled={local}
                    aria-invalid={!!cidrError(route.destination)}
                    title={cidrError(route.destination) ?? undefined}
                    onChange={(e) => edit(index, (r) => void (r.destination = e.target.value), 'destination')}
                    className={`${cellControl} w-32 font-mono disabled:opacity-60`}
                  />
                </td>
                <td className={td}>
                  {local ? (
                    <span className="px-1 font-mono">local</span>
                  ) : (
                    <select
                      aria-label="Target"
                      value={route.target}
                      onChange={(e) =>
                        edit(index, (r) => void (r.target = e.target.value as typeof r.target), 'target')
                      }
                      className={`${cellControl} ${blackhole ? 'border-red-500 text-red-700 dark:text-red-300' : ''}`}
                    >
                      {!targets.some((t) => t.id === route.target) && (
                        <option value={route.target}>{route.target} (blackhole)</option>
                      )}
                      {targets.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name} (
                          {t.kind === 'ec2Instance' ? 'instance' : t.kind.replace(/([A-Z])/g, ' $1').toLowerCase()})
                        </option>
                      ))}
                    </select>
                  )}
                  {blackhole && (
                    <p className="mt-0.5 text-[11px] text-red-700 dark:text-red-300">Blackhole: {blackhole}.</p>
                  )}
                </td>
                <td className={td}>
                  {!local && (
                    <RemoveRowButton
                      label={`Remove route to ${route.destination}`}
                      onRemove={() => updateResource<RouteTable>(table.id, (d) => void d.routes.splice(index, 1))}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        className={`${smallButton} self-start`}
        disabled={targets.length === 0}
        title={
          targets.length === 0
            ? 'Add an internet gateway, NAT gateway or virtual private gateway to this VPC first'
            : undefined
        }
        onClick={() =>
          updateResource<RouteTable>(
            table.id,
            (d) =>
              void d.routes.push({
                destination: '0.0.0.0/0',
                target: targets[0]!.id as RouteTable['routes'][number]['target'],
              }),
          )
        }
      >
        Add route
      </button>
    </div>
  );
}
