import { Trash2 } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import { Hint } from '../Hint';

/** Small form pieces for the inspector: a label, the control, and an inline error or hint. */
const control =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-teal-600 focus:ring-2 focus:ring-teal-600/20 focus:outline-none aria-invalid:border-red-500 dark:border-slate-700 dark:bg-slate-950';
export const cellControl = control.replace('w-full', 'w-full min-w-0').replace('px-2 py-1', 'px-1.5 py-0.5');

export function Field({
  label,
  error,
  hint,
  children,
  id,
}: {
  label: string;
  error?: string | null;
  hint?: ReactNode;
  children: ReactNode;
  id: string;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : hint ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">{hint}</p>
      ) : null}
    </div>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: ReactNode;
  mono?: boolean;
  placeholder?: string;
}) {
  const id = useId();
  return (
    <Field label={props.label} error={props.error} hint={props.hint} id={id}>
      <input
        id={id}
        value={props.value}
        placeholder={props.placeholder}
        spellCheck={false}
        aria-invalid={!!props.error}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
        className={`${control} ${props.mono ? 'font-mono' : ''}`}
      />
    </Field>
  );
}

export function NumberField(props: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  min?: number;
  max?: number;
  step?: number;
  error?: string | null;
  hint?: ReactNode;
  allowEmpty?: boolean;
}) {
  const id = useId();
  return (
    <Field label={props.label} error={props.error} hint={props.hint} id={id}>
      <input
        id={id}
        type="number"
        value={props.value ?? ''}
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        aria-invalid={!!props.error}
        onChange={(e) => {
          if (e.target.value === '') return props.allowEmpty ? props.onChange(null) : undefined;
          const n = Number(e.target.value);
          // Above the maximum (an AWS quota, usually) the value stops at it, so the design stays one Nimbus can open.
          if (Number.isFinite(n)) props.onChange(props.max !== undefined ? Math.min(n, props.max) : n);
        }}
        className={control}
      />
    </Field>
  );
}

export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string; group?: string }>;
  onChange: (value: T) => void;
  hint?: ReactNode;
  error?: string | null;
}) {
  const id = useId();
  const groups = [...new Set(props.options.map((o) => o.group ?? ''))];
  const render = (options: typeof props.options) =>
    options.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <Field label={props.label} hint={props.hint} error={props.error} id={id}>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)} className={control}>
        {groups.length > 1
          ? groups.map((g) => (
              <optgroup key={g} label={g}>
                {render(props.options.filter((o) => (o.group ?? '') === g))}
              </optgroup>
            ))
          : render(props.options)}
      </select>
    </Field>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-0.5 h-4 w-4 accent-teal-600"
      />
      <label htmlFor={id} className="text-sm">
        {label}
        {hint && <span className="block text-xs text-slate-500 dark:text-slate-400">{hint}</span>}
      </label>
    </div>
  );
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section
      aria-label={title}
      className="flex flex-col gap-2 border-t border-slate-100 px-4 py-3 dark:border-slate-800"
    >
      <div className="flex items-center justify-between">
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{title}</h3>
        {actions}
      </div>
      {children}
    </section>
  );
}

export const smallButton =
  'inline-flex items-center gap-1 rounded-md border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800';

/** The button that removes one row of a table (a rule, a route, a listener, a scheduled action). */
export function RemoveRowButton({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <Hint text={label}>
      <button
        type="button"
        aria-label={label}
        onClick={onRemove}
        className="rounded p-1 hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <Trash2 size={14} aria-hidden />
      </button>
    </Hint>
  );
}
