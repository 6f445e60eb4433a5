import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuOptions } from './menu.js';

function build(overrides: Partial<MenuOptions> = {}) {
  const options: MenuOptions = {
    isDev: false,
    isMac: false,
    appName: 'Incubator Desk',
    theme: 'system',
    send: vi.fn(),
    setTheme: vi.fn(),
    ...overrides,
  };
  return { template: buildMenuTemplate(options), options };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const roles = (template: MenuItemConstructorOptions[]) =>
  items(template)
    .map((i) => i.role)
    .filter(Boolean);
const byId = (template: MenuItemConstructorOptions[], id: string) => items(template).find((i) => i.id === id);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as unknown as () => void)();

describe('application menu', () => {
  it('has File, Edit, View and Help on Windows and Linux', () => {
    const { template } = build();
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(roles(template)).toEqual(
      expect.arrayContaining([
        'quit',
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'togglefullscreen',
        'zoomIn',
        'zoomOut',
        'resetZoom',
        'about',
      ]),
    );
  });

  it('offers reload and DevTools only in development', () => {
    expect(roles(build({ isDev: false }).template)).not.toEqual(expect.arrayContaining(['reload']));
    expect(roles(build({ isDev: false }).template)).not.toContain('forceReload');
    expect(roles(build({ isDev: false }).template)).not.toContain('toggleDevTools');
    expect(roles(build({ isDev: true }).template)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('sends Backup… and Keyboard Shortcuts to the renderer', () => {
    const { template, options } = build();
    click(byId(template, 'backup'));
    click(byId(template, 'show-shortcuts'));
    expect(options.send).toHaveBeenNthCalledWith(1, { action: 'backup' });
    expect(options.send).toHaveBeenNthCalledWith(2, { action: 'show-shortcuts' });
  });

  it('offers the colour schemes with the current one checked', () => {
    const { template, options } = build({ theme: 'dark' });
    expect(byId(template, 'theme-dark')?.checked).toBe(true);
    expect(byId(template, 'theme-light')?.checked).toBe(false);
    click(byId(template, 'theme-light'));
    expect(options.setTheme).toHaveBeenCalledWith('light');
  });

  it('follows macOS conventions there', () => {
    const { template } = build({ isMac: true });
    expect(template[0]?.role).toBe('appMenu');
    expect(roles(template)).toContain('windowMenu');
    expect(roles(template)).not.toContain('about');
  });
});
