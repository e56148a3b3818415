import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  actionForKey,
  headerTools,
  HEADER_TOOLS,
  isAvailable,
  MENUS,
  menuItems,
  shortcutRows,
  titleOf,
  type Action,
  type ActionContext,
} from './actions';

/** A key press as the browser reports it for a shortcut written the way the sheet writes it ("Ctrl+Shift+Z"). */
function press(shortcut: string): KeyboardEvent {
  const parts = shortcut === '?' ? ['?'] : shortcut.split('+');
  const key = parts.at(-1)!;
  const shift = parts.includes('Shift') || key === '?';
  return {
    key: key.length === 1 ? (shift ? key.toUpperCase() : key.toLowerCase()) : key,
    ctrlKey: parts.includes('Ctrl'),
    metaKey: false,
    shiftKey: shift,
    altKey: false,
  } as KeyboardEvent;
}

const context: ActionContext = { canUndo: true, canRedo: false, theme: 'light', empty: false };
const allShortcuts = ACTIONS.flatMap((action) => (action.keys ?? []).map((keys) => ({ action, keys })));
const namesOf = (items: ReadonlyArray<Action | { menu: string } | null>) =>
  items.map((item) => (item === null ? '|' : 'menu' in item ? `menu:${item.menu}` : item.name));

describe('the action table', () => {
  it('names every action once', () => {
    const names = ACTIONS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives every shortcut to exactly one action, and that action answers it', () => {
    expect(allShortcuts.length).toBeGreaterThan(8);
    for (const { action, keys } of allShortcuts) {
      const answering = ACTIONS.filter((a) => a.matches?.(press(keys)));
      expect(
        answering.map((a) => a.name),
        keys,
      ).toEqual([action.name]);
    }
  });

  it('lists every action with a shortcut in the shortcut sheet, with all its keys', () => {
    const rows = shortcutRows(context);
    for (const action of ACTIONS.filter((a) => a.matches)) {
      const row = rows.find((r) => r.name === action.name);
      expect(row, action.name).toBeDefined();
      for (const keys of action.keys ?? []) expect(row!.keys).toContain(keys);
    }
    expect(rows.find((r) => r.name === 'redo')?.keys).toBe('Ctrl+Shift+Z or Ctrl+Y');
    expect(rows.find((r) => r.name === 'shortcuts')?.label).toBe('Show keyboard shortcuts');
  });

  it('names in the header and menus only actions that exist', () => {
    const named = [
      ...HEADER_TOOLS.filter((t): t is string => typeof t === 'string'),
      ...Object.values(MENUS).flatMap((m) => m.items.filter((i): i is string => i !== null)),
    ];
    for (const name of named)
      expect(
        ACTIONS.some((a) => a.name === name),
        name,
      ).toBe(true);
  });

  it('puts undo and redo with their first shortcut in the tooltip', () => {
    const named = (name: string) => ACTIONS.find((a) => a.name === name)!;
    expect(titleOf(named('undo'), context)).toBe('Undo (Ctrl+Z)');
    expect(titleOf(named('redo'), context)).toBe('Redo (Ctrl+Shift+Z)');
    expect(named('undo').enabled?.(context)).toBe(true);
    expect(named('redo').enabled?.(context)).toBe(false);
  });
});

describe('view-only links', () => {
  const shown = (viewOnly: boolean) => [
    ...namesOf(headerTools(viewOnly)),
    ...Object.keys(MENUS).flatMap((menu) => namesOf(menuItems(menu as keyof typeof MENUS, viewOnly))),
  ];

  it('hide every action not allowed there from the header and its menus', () => {
    const hidden = ACTIONS.filter((a) => !a.allowedInViewOnly).map((a) => a.name);
    expect(hidden).toEqual(expect.arrayContaining(['undo', 'redo', 'delete', 'paste', 'duplicate', 'saveFile']));
    const names = shown(true);
    for (const name of hidden) expect(names, name).not.toContain(name);
    expect(names).not.toContain('menu:Templates');
    expect(names).toEqual(expect.arrayContaining(['menu:Share', 'copyViewOnlyLink', 'shortcuts', 'toggleTheme']));
  });

  it('ignore the shortcuts of actions not allowed there, and keep the others', () => {
    for (const { action, keys } of allShortcuts) {
      expect(actionForKey(press(keys), true)?.name, keys).toBe(isAvailable(action, true) ? action.name : undefined);
      expect(actionForKey(press(keys), false)?.name, keys).toBe(action.name);
    }
    expect(actionForKey(press('Ctrl+Z'), true)).toBeUndefined();
    expect(actionForKey(press('Ctrl+C'), true)?.name).toBe('copy');
  });

  it('keep the header tidy: no divider at an edge or next to another', () => {
    for (const viewOnly of [false, true]) {
      const names = namesOf(headerTools(viewOnly));
      expect(names[0]).not.toBe('|');
      expect(names.at(-1)).not.toBe('|');
      expect(names.join(' ')).not.toContain('| |');
    }
    expect(namesOf(headerTools(false)).slice(0, 4)).toEqual(['undo', 'redo', '|', 'menu:Templates']);
  });
});

describe('requestDelete', () => {
  it('asks before deleting what depends on the selection, and counts it', async () => {
    const { TEMPLATES } = await import('../scenarios/templates');
    const { useDesignStore, useViewStore } = await import('../store');
    const { requestDelete } = await import('./actions');
    const design = TEMPLATES.find((t) => t.id === 'serverless-api')!.build();
    useDesignStore.setState({ history: { past: [], present: design, future: [], last: null } });
    const fn = Object.values(design.resources).find((r) => r.kind === 'lambdaFunction')!;
    const triggers = Object.values(design.resources).filter((r) => r.kind === 'lambdaTrigger');
    requestDelete([fn.id]);
    const question = useViewStore.getState().confirm;
    expect(question?.body).toContain(`${triggers.length} resource`);
    expect(question?.body).toContain('depending on the selection');
    expect(useDesignStore.getState().history.present).toBe(design);
  });
});
