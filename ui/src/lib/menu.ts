// One command of a small menu (a context menu, or a button's menu), as Menu.svelte shows it.
export interface MenuItem {
  label: string;
  run: () => void;
  /** Shown as a destructive command (deleting). */
  danger?: boolean;
}
