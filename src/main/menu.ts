/**
 * The application menu: the usual accelerators, with development-only items left out of builds.
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../shared/shell';

/** Build and install the menu for a window. */
export function installMenu(window: BrowserWindow, isDevelopment: boolean): void {
  const send = (command: MenuCommand) => () => window.webContents.send(MENU_COMMAND_CHANNEL, command);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        // The renderer's own file chooser: its files reach the engine through the API's import calls.
        { label: 'Add Articles…', accelerator: 'CmdOrCtrl+O', click: send('add-articles') },
        { type: 'separator' },
        // Both open the in-app print preview; it prints or saves through the API's print calls.
        { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: send('print') },
        { label: 'Export as PDF…', accelerator: 'CmdOrCtrl+Shift+P', click: send('save-pdf') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'copy' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: send('find') },
        { label: 'Search the Library', accelerator: 'CmdOrCtrl+K', click: send('search') },
      ],
    },
    {
      label: '&Go',
      submenu: [
        { label: 'Back', accelerator: isMac ? 'Cmd+[' : 'Alt+Left', click: send('back') },
        { label: 'Forward', accelerator: isMac ? 'Cmd+]' : 'Alt+Right', click: send('forward') },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isDevelopment
          ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]
          : []),
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  // The mouse's back and forward buttons (Windows) and the same keys on some keyboards.
  window.on('app-command', (_event, command) => {
    if (command === 'browser-backward') send('back')();
    else if (command === 'browser-forward') send('forward')();
  });
}
