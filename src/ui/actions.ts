import {
  CloudDownload,
  Code,
  FileCode,
  FolderOpen,
  GitCompareArrows,
  Image,
  Keyboard,
  LayoutTemplate,
  Library,
  Link2,
  Moon,
  Redo2,
  Save,
  Share2,
  Sun,
  Undo2,
  type LucideIcon,
} from 'lucide-react';
import { TEMPLATE_INFO } from '../scenarios/templateInfo';
import {
  deleteResources,
  deletionSet,
  descendantsOf,
  duplicateResources,
  openDesign,
  redoCommand,
  selectCanRedo,
  selectCanUndo,
  setLibraryOpen,
  undoCommand,
  useDesignStore,
  useLibraryStore,
  useViewStore,
} from '../store';
import { tidyUp } from '../canvas/tidyRunner';
import { setCompareDialogOpen } from '../store/compareStore';
import { saveDesignFile } from './saveDesignFile';
import { templateOpened } from './TryThisState';
import { IAC_FORMAT_NAMES } from '../share/iac/formatNames';

// Importers are fetched when first used: the first screen does not need them (nor their schemas).
const openFiles = async (files: File[]) => (await import('./openDesignFile')).openFiles(files);
const importAwsFiles = async (files: File[]) => (await import('./importAwsFiles')).importAwsFiles(files);
// So are the Share actions, and with them the link codec and its deflate library.
const shareDesign = () => import('./shareDesign');
const copyLink = async (mode: 'open' | 'view') => (await shareDesign()).copyLink(mode);
const copyEmbedCode = async () => (await shareDesign()).copyEmbedCode();
const exportImage = async (format: 'png' | 'svg') => (await shareDesign()).exportImage(format);
const exportIac = async (formatId: string) => (await shareDesign()).exportIac(formatId);

/** What actions look at to decide whether they are available and how they read. */
export interface ActionContext {
  canUndo: boolean;
  canRedo: boolean;
  theme: 'light' | 'dark';
  /** The design has no resources. */
  empty: boolean;
}

interface ActionBase {
  /** Unique; menus and the header name actions by it. */
  name: string;
  label: string | ((context: ActionContext) => string);
  icon?: LucideIcon;
  /** The icon, when it depends on the state. */
  iconFor?: (context: ActionContext) => LucideIcon;
  /** Shortcuts as the sheet shows them; a tooltip names the first. */
  keys?: readonly string[];
  matches?: (event: KeyboardEvent) => boolean;
  /** How the shortcut sheet says it, when the label is a button's short name. */
  sheetLabel?: string;
  /** The tooltip, when it says more than the label and shortcut. */
  title?: string;
  /** A second line under the label in a menu. */
  description?: string;
  /** Drawn as its icon alone; the label is then its accessible name. */
  iconOnly?: boolean;
  /** Offered while looking at a view-only (`#view=`) link, where nothing may be edited. */
  allowedInViewOnly: boolean;
  /** Whether it can run now; always when absent. */
  enabled?: (context: ActionContext) => boolean;
}

export interface CommandAction extends ActionBase {
  perform: () => void;
  files?: undefined;
}

/** What the Open dialog offers: designs, CloudFormation templates (YAML, JSON, `.template`) and Terraform. */
const OPEN_FILE_TYPES = '.json,.yaml,.yml,.template,.tf,application/json';

/** An action that works on files the user picks (JSON unless `accept` says more). */
export interface FilesAction extends ActionBase {
  files: { multiple: boolean; testId: string; accept?: string };
  perform: (files: File[]) => void;
  keys?: undefined;
  matches?: undefined;
}

export type Action = CommandAction | FilesAction;

/** The context as it is now, for callers outside rendering (the keyboard). */
export function currentActionContext(): ActionContext {
  const design = useDesignStore.getState();
  return {
    canUndo: selectCanUndo(design),
    canRedo: selectCanRedo(design),
    theme: useViewStore.getState().theme,
    empty: Object.keys(design.history.present.resources).length === 0,
  };
}

const mod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
const view = () => useViewStore.getState();
const currentDesign = () => useDesignStore.getState().history.present;

/**
 * Deletes the selection, asking first when more goes with it: what containers
 * hold and what can't exist without the selection (a function's triggers, a
 * gateway's VPN connections).
 */
export function requestDelete(ids: readonly string[]): void {
  if (ids.length === 0) return;
  const design = currentDesign();
  const selected = new Set(ids);
  const inside = [...deletionSet(design, ids)].filter((id) => !selected.has(id));
  const drawnInside = new Set(descendantsOf(design, ids));
  const where = inside.every((id) => drawnInside.has(id)) ? 'inside' : 'inside or depending on the selection';
  const names = ids.map((id) => design.resources[id]?.name ?? id).join(', ');
  const run = () => {
    const result = deleteResources(ids);
    view().setSelection([]);
    if (result.ok && result.message)
      view().notify({ tone: 'info', title: `${result.message} Undo (Ctrl+Z) brings them back.` });
  };
  if (inside.length === 0) return run();
  view().ask({
    title: `Delete ${names}?`,
    body: `${inside.length} resource${inside.length === 1 ? '' : 's'} ${where} will be deleted too. Routes that pointed at deleted gateways stay as blackholes, as in AWS.`,
    confirmLabel: `Delete ${inside.length + ids.length} resources`,
    onConfirm: run,
  });
}

/** Copies resources next to their originals, or says why nothing could be copied. */
function duplicateOrExplain(ids: readonly string[]): void {
  const result = duplicateResources(ids);
  if (!result.ok) view().notify({ tone: 'info', title: result.reason });
}

const EDITING: readonly Action[] = [
  {
    name: 'undo',
    label: 'Undo',
    icon: Undo2,
    keys: ['Ctrl+Z'],
    matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z',
    allowedInViewOnly: false,
    enabled: (c) => c.canUndo,
    perform: undoCommand,
  },
  {
    name: 'redo',
    label: 'Redo',
    icon: Redo2,
    keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
    matches: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'),
    allowedInViewOnly: false,
    enabled: (c) => c.canRedo,
    perform: redoCommand,
  },
  {
    name: 'delete',
    label: 'Delete the selection',
    keys: ['Delete', 'Backspace'],
    matches: (e) => !mod(e) && (e.key === 'Delete' || e.key === 'Backspace'),
    allowedInViewOnly: false,
    perform: () => requestDelete(view().selection),
  },
  {
    name: 'copy',
    label: 'Copy the selection',
    keys: ['Ctrl+C'],
    matches: (e) => mod(e) && e.key.toLowerCase() === 'c',
    allowedInViewOnly: true,
    perform: () => view().copy(view().selection),
  },
  {
    name: 'paste',
    label: 'Paste (a copy next to the original)',
    keys: ['Ctrl+V'],
    matches: (e) => mod(e) && e.key.toLowerCase() === 'v',
    allowedInViewOnly: false,
    perform: () => {
      // Pasting with nothing copied does nothing, silently.
      if (view().clipboard.length > 0) duplicateOrExplain(view().clipboard);
    },
  },
  {
    name: 'duplicate',
    label: 'Duplicate the selection',
    keys: ['Ctrl+D'],
    matches: (e) => mod(e) && e.key.toLowerCase() === 'd',
    allowedInViewOnly: false,
    perform: () => duplicateOrExplain(view().selection),
  },
  {
    name: 'tidyUp',
    label: 'Tidy up the layout',
    keys: ['Shift+T'],
    matches: (e) => !mod(e) && !e.altKey && e.shiftKey && e.key.toLowerCase() === 't',
    allowedInViewOnly: false,
    enabled: (c) => !c.empty,
    perform: () => void tidyUp(),
  },
  {
    name: 'deselect',
    label: 'Clear the selection',
    keys: ['Escape'],
    matches: (e) => e.key === 'Escape',
    allowedInViewOnly: true,
    perform: () => view().setSelection([]),
  },
  {
    name: 'shortcuts',
    label: 'Keyboard shortcuts',
    sheetLabel: 'Show keyboard shortcuts',
    icon: Keyboard,
    iconOnly: true,
    keys: ['?'],
    matches: (e) => e.key === '?',
    allowedInViewOnly: true,
    perform: () => view().setShortcutsOpen(!view().shortcutsOpen),
  },
];

const FILES_AND_VIEW: readonly Action[] = [
  {
    name: 'library',
    label: 'Library',
    icon: Library,
    title: 'Your saved designs',
    allowedInViewOnly: true,
    perform: () => setLibraryOpen(true),
  },
  {
    name: 'openDesign',
    label: 'Open design…',
    icon: FolderOpen,
    title:
      'Open a Nimbus design, or a CloudFormation template or Terraform file (choose several to read them together)',
    files: { multiple: true, testId: 'open-design-input', accept: OPEN_FILE_TYPES },
    allowedInViewOnly: false,
    perform: (files) => void openFiles(files),
  },
  {
    name: 'importAws',
    label: 'Import AWS…',
    icon: CloudDownload,
    title: 'Import the JSON printed by aws ec2 describe-vpcs, describe-subnets, …',
    files: { multiple: true, testId: 'import-aws-input' },
    allowedInViewOnly: false,
    perform: (files) => void importAwsFiles(files),
  },
  {
    name: 'compare',
    label: 'Compare with…',
    icon: GitCompareArrows,
    title: 'What the open design changes against an earlier version, a library entry or a file',
    allowedInViewOnly: true,
    perform: () => setCompareDialogOpen(true),
  },
  {
    name: 'saveFile',
    label: 'Save as file',
    icon: Save,
    allowedInViewOnly: false,
    perform: saveDesignFile,
  },
  {
    name: 'toggleTheme',
    label: (c) => (c.theme === 'dark' ? 'Switch to light mode' : 'Switch to dark mode'),
    iconFor: (c) => (c.theme === 'dark' ? Sun : Moon),
    iconOnly: true,
    title: 'Toggle dark mode',
    allowedInViewOnly: true,
    perform: () => view().setTheme(view().theme === 'dark' ? 'light' : 'dark'),
  },
];

const SHARING: readonly Action[] = [
  {
    name: 'copyLink',
    label: 'Copy link',
    description: 'Opens as a new design in the receiver’s library.',
    icon: Link2,
    allowedInViewOnly: true,
    perform: () => void copyLink('open'),
  },
  {
    name: 'copyViewOnlyLink',
    label: 'Copy view-only link',
    description: 'For course pages and reviews: look, inspect, simulate; no edits.',
    icon: Link2,
    allowedInViewOnly: true,
    perform: () => void copyLink('view'),
  },
  {
    name: 'copyEmbed',
    label: 'Copy embed code',
    description: 'An <iframe> for a course page: the design alone, read-only, with a link to open it here.',
    icon: Code,
    allowedInViewOnly: true,
    perform: () => void copyEmbedCode(),
  },
  ...(['png', 'svg'] as const).map((format): Action => ({
    name: `export-${format}`,
    label: `Export ${format.toUpperCase()} image`,
    icon: Image,
    allowedInViewOnly: true,
    enabled: (c) => !c.empty,
    perform: () => void exportImage(format),
  })),
  // One entry per infrastructure-as-code format (CloudFormation YAML and JSON, Terraform, …).
  ...IAC_FORMAT_NAMES.map((format): Action => ({
    name: `export-iac-${format.id}`,
    label: `Export as ${format.label}`,
    description: 'Code for the whole design; the drawing travels with it, so opening the file brings it back.',
    icon: FileCode,
    allowedInViewOnly: true,
    enabled: (c) => !c.empty,
    perform: () => void exportIac(format.id),
  })),
];

/** Opening a template replaces what is on the canvas with a new library entry, so it is an edit. */
async function openTemplate(id: string, name: string): Promise<void> {
  // The builders are fetched on the first template opened; the menu needs only the names.
  const { TEMPLATES } = await import('../scenarios/templates');
  const template = TEMPLATES.find((t) => t.id === id)!;
  if (!openDesign(template.build())) return;
  view().setSelection([]);
  templateOpened(id, useLibraryStore.getState().currentId);
  view().notify({
    tone: 'info',
    topic: 'opened',
    title: `Opened the template “${name}” as a new design. What you had is kept in the Library.`,
  });
}

const TEMPLATE_ACTIONS: readonly Action[] = TEMPLATE_INFO.map((template) => ({
  name: `template-${template.id}`,
  label: template.name,
  description: template.description,
  allowedInViewOnly: false,
  perform: () => void openTemplate(template.id, template.name),
}));

/** Every user action: header buttons, menus, keyboard shortcuts and the shortcut sheet all read this table. */
export const ACTIONS: readonly Action[] = [...EDITING, ...FILES_AND_VIEW, ...SHARING, ...TEMPLATE_ACTIONS];

export interface Menu {
  icon: LucideIcon;
  /** Tailwind width of the open menu. */
  width: string;
  /** Action names in order; `null` draws a divider. */
  items: ReadonlyArray<string | null>;
}

const SHARE_ITEMS: Array<string | null> = [
  'copyLink',
  'copyViewOnlyLink',
  'copyEmbed',
  null,
  'export-png',
  'export-svg',
  null,
  ...IAC_FORMAT_NAMES.map((format) => `export-iac-${format.id}`),
];

/** The header's menus, named by their button label. */
export const MENUS = {
  Templates: { icon: LayoutTemplate, width: 'w-96', items: TEMPLATE_ACTIONS.map((a): string | null => a.name) }, // one item type with Share's, whose dividers are null
  Share: {
    icon: Share2,
    width: 'w-80',
    items: SHARE_ITEMS,
  },
} as const satisfies Record<string, Menu>;

export type MenuName = keyof typeof MENUS;

/** The header's tools from left to right after the view-only notice: action names, menus and dividers. */
export const HEADER_TOOLS: ReadonlyArray<string | { menu: MenuName } | null> = [
  'undo',
  'redo',
  null,
  { menu: 'Templates' },
  'openDesign',
  'importAws',
  'saveFile',
  'compare',
  { menu: 'Share' },
  'shortcuts',
  'toggleTheme',
];

export function actionNamed(name: string): Action {
  const action = ACTIONS.find((a) => a.name === name);
  if (!action) throw new Error(`No action named ${name}`);
  return action;
}

export const isAvailable = (action: Action, viewOnly: boolean): boolean => !viewOnly || action.allowedInViewOnly;

export const labelOf = (action: Action, context: ActionContext): string =>
  typeof action.label === 'function' ? action.label(context) : action.label;

/** The tooltip: the given title, or the label with its first shortcut. */
export function titleOf(action: Action, context: ActionContext): string | undefined {
  if (action.title) return action.title;
  return action.keys ? `${labelOf(action, context)} (${action.keys[0]})` : undefined;
}

/** The menu items available now, with dividers kept only between shown items. */
export function menuItems(menu: MenuName, viewOnly: boolean): Array<Action | null> {
  const items = MENUS[menu].items.map((name) => (name === null ? null : actionNamed(name)));
  return dropStrayDividers(items.filter((item) => item === null || isAvailable(item, viewOnly)));
}

/** The header tools available now; a menu with nothing available is left out. */
export function headerTools(viewOnly: boolean): Array<Action | { menu: MenuName } | null> {
  const tools = HEADER_TOOLS.map((tool) => (typeof tool === 'string' ? actionNamed(tool) : tool)).filter(
    (tool) =>
      tool === null || ('menu' in tool ? menuItems(tool.menu, viewOnly).length > 0 : isAvailable(tool, viewOnly)),
  );
  return dropStrayDividers(tools);
}

/** Dividers only between two groups: none at either end, never two in a row. */
function dropStrayDividers<T>(items: Array<T | null>): Array<T | null> {
  const out: Array<T | null> = [];
  for (const item of items) if (item !== null || (out.length > 0 && out[out.length - 1] !== null)) out.push(item);
  if (out[out.length - 1] === null) out.pop();
  return out;
}

/** The action a key press asks for, if it is available; text fields are the caller's business. */
export function actionForKey(event: KeyboardEvent, viewOnly: boolean): CommandAction | undefined {
  const action = ACTIONS.find((a): a is CommandAction => !a.files && !!a.matches?.(event));
  return action && isAvailable(action, viewOnly) ? action : undefined;
}

/** The rows of the shortcut sheet: every action with a shortcut, in table order. */
export function shortcutRows(context: ActionContext): Array<{ name: string; label: string; keys: string }> {
  return ACTIONS.filter((a) => a.keys).map((a) => ({
    name: a.name,
    label: a.sheetLabel ?? labelOf(a, context),
    keys: a.keys!.join(' or '),
  }));
}

export const MOUSE_GESTURES: ReadonlyArray<[string, string]> = [
  ['Drag from the palette', 'add a resource where you drop it'],
  ['Drag a node', 'move it; drop an instance on another subnet to move it there'],
  ['Drag from a dot on a node’s side to another node', 'connect: associate, route, attach, add to a group'],
  ['Shift/Ctrl+click or Shift+drag', 'select several'],
  ['Scroll or pinch', 'zoom; drag the background to pan'],
];
