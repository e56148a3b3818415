import { MAX_ROUTES_PER_TABLE_RAISED, type Design, type RouteTable } from '../../domain';
import { blackholeReason } from '../../engine';
import { routeTargetOptions } from './routeTargets';
import { CidrCell } from './ruleCells';
import { RuleTable, type RuleColumn } from './RuleTable';

type Route = RouteTable['routes'][number];

/** Routes with a target picker; `local` routes are fixed, as in AWS. */
export function RoutesTable({ table, design }: { table: RouteTable; design: Design }) {
  const targets = routeTargetOptions(design, table.vpcId);
  const columns: RuleColumn<Route>[] = [
    {
      header: 'Destination',
      width: 'w-32',
      cell: ({ rule: route }, { control, edit }) => (
        <CidrCell
          label="Destination"
          value={route.destination}
          disabled={route.target === 'local'}
          onChange={(destination) => edit((r) => void (r.destination = destination), 'destination')}
          className={`${control} disabled:opacity-60`}
        />
      ),
    },
    {
      header: 'Target',
      cell: ({ rule: route }, { control, edit }) => {
        const blackhole = blackholeReason(design, table, route.target);
        return (
          <>
            {route.target === 'local' ? (
              <span className="px-1 font-mono">local</span>
            ) : (
              <select
                aria-label="Target"
                value={route.target}
                title={targets.find((t) => t.id === route.target)?.label ?? `${route.target} (blackhole)`}
                onChange={(e) => edit((r) => void (r.target = e.target.value as Route['target']), 'target')}
                className={`${control} ${blackhole ? 'border-red-500 text-red-700 dark:text-red-300' : ''}`}
              >
                {!targets.some((t) => t.id === route.target) && (
                  <option value={route.target}>{route.target} (blackhole)</option>
                )}
                {targets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </select>
            )}
            {blackhole && <p className="mt-0.5 text-[11px] text-red-700 dark:text-red-300">Blackhole: {blackhole}.</p>}
          </>
        );
      },
    },
  ];
  return (
    <RuleTable
      label="Routes"
      owner={table}
      rules={table.routes}
      rulesIn={(d) => d.routes}
      editKey="route"
      columns={columns}
      marked={(ref, { rule: route }) => ref.kind === 'route' && ref.destination === route.destination}
      removeLabel={({ rule: route }) => (route.target === 'local' ? null : `Remove route to ${route.destination}`)}
      addLabel="Add route"
      limit={{ rules: MAX_ROUTES_PER_TABLE_RAISED, quota: 'Amazon VPC quota "Routes per route table", raised' }}
      cannotAdd={
        targets.length === 0
          ? 'Add an internet gateway, NAT gateway, virtual private gateway, VPC peering or transit gateway attachment to this VPC first'
          : null
      }
      newRule={() => ({ destination: '0.0.0.0/0', target: targets[0]!.id })}
    />
  );
}
