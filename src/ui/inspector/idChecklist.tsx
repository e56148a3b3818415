import { CheckboxField } from './fields';

/** A list of resources as checkboxes, each toggling its id in or out of a field (subnets, groups, targets). */
export function IdChecklist<T extends string>({
  items,
  chosen,
  onToggle,
  empty,
}: {
  items: ReadonlyArray<{ id: T; label: string; hint?: string }>;
  chosen: readonly string[];
  onToggle: (id: T, on: boolean) => void;
  empty: string;
}) {
  if (items.length === 0) return <p className="text-xs text-slate-500 dark:text-slate-400">{empty}</p>;
  return (
    <>
      {items.map((item) => (
        <CheckboxField
          key={item.id}
          label={item.label}
          hint={item.hint}
          checked={chosen.includes(item.id)}
          onChange={(on) => onToggle(item.id, on)}
        />
      ))}
    </>
  );
}

/** The list with `id` added or taken out, keeping order and never twice. */
export const toggled = <T,>(list: readonly T[], id: T, on: boolean): T[] =>
  on ? (list.includes(id) ? [...list] : [...list, id]) : list.filter((x) => x !== id);
