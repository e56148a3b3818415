import { Trash2 } from 'lucide-react';
import { useDeferredValue } from 'react';
import { sameId, type Resource } from '../../domain';
import { kindLabel } from '../../engine';
import {
  selectDesign,
  selectPrimarySelection,
  updateResource,
  useDesignStore,
  useFindings,
  useLibraryStore,
  useViewStore,
} from '../../store';
import { requestDelete } from '../actions';
import { KIND_EDITORS } from './editors';
import { Section, TextField } from './fields';
import { SimInstanceSection } from './SimInstanceSection';

/** Every property of the selected resource, editable, with inline checks. */
export function Inspector() {
  const design = useDesignStore(selectDesign);
  const selection = useViewStore((s) => s.selection);
  // The canvas shows a click's selection at once; the inspector follows in a render React can pause,
  // so a resource with a long list (10,000 rules) never holds the page in one task.
  const selected = useViewStore(selectPrimarySelection);
  const id = useDeferredValue(selected);
  // Until it follows, the previous resource's fields take no edits meant for the new one.
  const stale = id !== selected;
  const viewOnly = useLibraryStore((s) => s.viewOnly);
  const resource = id ? design.resources[id] : undefined;
  // Above the early return: the hook re-renders once validation has loaded, even for an inspector opened before.
  const findings = useFindings(design);
  if (!resource) {
    return (
      <p className="px-6 py-10 text-center text-sm text-slate-500 dark:text-slate-400">
        Select something on the canvas to see and edit its properties.
      </p>
    );
  }
  const Editor = KIND_EDITORS[resource.kind] as
    ((props: { resource: Resource; design: typeof design }) => React.ReactNode) | null;
  const problems = findings.filter((f) => sameId(f.resourceId, resource.id));
  const label = kindLabel(resource.kind).replace(/^(an?|the) /, '');
  return (
    <div aria-label={`Inspector: ${resource.name}`} className="flex flex-col pb-6">
      <div className="flex items-center justify-between px-4 pt-3 pb-2">
        <div>
          <p className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
            {label}
          </p>
          <p className="font-mono text-xs text-slate-500 dark:text-slate-400">{resource.id}</p>
        </div>
        {!viewOnly && (
          <button
            type="button"
            // It deletes the selection, so it waits while the inspector still shows the resource before it.
            disabled={stale}
            onClick={() => requestDelete(selection)}
            className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-50 dark:text-red-300 dark:hover:bg-red-950"
          >
            <Trash2 size={14} aria-hidden /> Delete
          </button>
        )}
      </div>
      {selection.length > 1 && (
        <p className="px-4 pb-2 text-xs text-slate-500">{selection.length} selected; editing the last one.</p>
      )}
      {problems.length > 0 && (
        <ul className="mx-4 mb-2 flex flex-col gap-1 rounded-md border border-red-200 bg-red-50 p-2 text-xs text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
          {problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      {/* Simulating is not editing: a view-only design keeps an instance's actions. */}
      {viewOnly && resource.kind === 'ec2Instance' && <SimInstanceSection instanceId={resource.id} />}
      {/* A read-only view disables every field and button below in one place. */}
      <fieldset
        disabled={viewOnly || stale}
        aria-busy={stale || undefined}
        aria-label={viewOnly ? 'Properties (view only)' : undefined}
        className="contents"
      >
        <div className="px-4 pb-3">
          <TextField
            label="Name"
            value={resource.name}
            onChange={(v) => updateResource(resource.id, (d) => void (d.name = v), 'name')}
          />
        </div>
        {Editor ? (
          <Editor resource={resource} design={design} />
        ) : (
          <Section title="Properties">
            <p className="text-xs text-slate-500">
              Nimbus shows this resource’s links on the canvas; connect it to other resources to change them.
            </p>
          </Section>
        )}
      </fieldset>
    </div>
  );
}
