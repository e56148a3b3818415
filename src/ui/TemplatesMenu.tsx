import { LayoutTemplate } from 'lucide-react';
import { useState } from 'react';
import { TEMPLATES } from '../scenarios/templates';
import { openDesign, useViewStore } from '../store';

export function TemplatesMenu({ buttonClass }: { buttonClass: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <button
        type="button"
        className={buttonClass}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <LayoutTemplate size={16} aria-hidden /> Templates
      </button>
      {open && (
        <>
          <div className="fixed inset-0 z-40" onClick={() => setOpen(false)} />
          <ul
            role="menu"
            aria-label="Templates"
            className="absolute right-0 z-50 mt-1 w-96 rounded-lg border border-slate-200 bg-white p-1 shadow-xl dark:border-slate-700 dark:bg-slate-900"
          >
            {TEMPLATES.map((template) => (
              <li key={template.id} role="none">
                <button
                  type="button"
                  role="menuitem"
                  className="w-full rounded-md px-3 py-2 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
                  onClick={() => {
                    setOpen(false);
                    if (!openDesign(template.build())) return;
                    useViewStore.getState().setSelection([]);
                    useViewStore.getState().notify({
                      tone: 'info',
                      title: `Opened the template “${template.name}” as a new design. What you had is kept in the Library.`,
                    });
                  }}
                >
                  <span className="block text-sm font-medium">{template.name}</span>
                  <span className="block text-xs text-slate-500 dark:text-slate-400">{template.description}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
