import * as Tooltip from '@radix-ui/react-tooltip';
import type { ReactElement } from 'react';

/** Tooltips share one provider, so moving from one control to the next shows the next at once. */
export const HintProvider = Tooltip.Provider;

/**
 * A tooltip on hover and keyboard focus for a control whose text is short or
 * missing (an icon-only button). The control keeps its own accessible name;
 * the hint only describes it.
 */
export function Hint({ text, children }: { text: string | undefined; children: ReactElement }) {
  if (!text) return children;
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>{children}</Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content
          sideOffset={6}
          collisionPadding={8}
          className="z-[70] max-w-xs rounded-md bg-slate-900 px-2 py-1 text-xs text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
        >
          {text}
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}
