import { Menu, type MenuItemConstructorOptions } from 'electron';
import { menuLabels } from './menu-labels';

export interface MenuActions {
  backupNow(): void;
  restore(): void;
  openDataFolder(): void;
  openLogs(): void;
  about(): void;
}

/** The Spanish (or English) application menu. */
export function installMenu(language: string, actions: MenuActions): void {
  const t = menuLabels(language);
  const template: MenuItemConstructorOptions[] = [
    {
      label: t.file,
      submenu: [
        { label: t.backupNow, accelerator: 'CmdOrCtrl+Shift+S', click: actions.backupNow },
        { label: t.restore, click: actions.restore },
        { type: 'separator' },
        { label: t.openDataFolder, click: actions.openDataFolder },
        { label: t.openLogs, click: actions.openLogs },
        { type: 'separator' },
        { label: t.quit, role: 'quit' },
      ],
    },
    {
      label: t.view,
      submenu: [
        { label: t.reload, role: 'reload' },
        { type: 'separator' },
        { label: t.zoomIn, role: 'zoomIn' },
        { label: t.zoomOut, role: 'zoomOut' },
        { label: t.resetZoom, role: 'resetZoom' },
        { type: 'separator' },
        { label: t.fullScreen, role: 'togglefullscreen' },
      ],
    },
    { label: t.help, submenu: [{ label: t.about, click: actions.about }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
