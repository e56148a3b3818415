import { LayoutTemplate } from 'lucide-react';
import { TEMPLATES } from '../scenarios/templates';
import { openDesign, useViewStore } from '../store';
import { MenuButton } from './MenuButton';

export function TemplatesMenu({ buttonClass }: { buttonClass: string }) {
  return (
    <MenuButton
      label="Templates"
      icon={<LayoutTemplate size={16} aria-hidden />}
      buttonClass={buttonClass}
      menuClass="w-96"
    >
      {(close) =>
        TEMPLATES.map((template) => (
          <button
            key={template.id}
            type="button"
            role="menuitem"
            className="w-full rounded-md px-3 py-2 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
            onClick={() => {
              close();
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
        ))
      }
    </MenuButton>
  );
}
