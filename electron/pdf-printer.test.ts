/**
 * The main process's PDF printer in plain Node, with a fake print window; the last test talks
 * to it through core's own PortPdfPrinter and renderPdf, as the utilityProcess does.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PortPdfPrinter, renderPdf } from '../core/reports/render/pdf.js';
import { sampleReport } from '../core/reports/render/test-fixture.js';
import { PdfPrintService, type PRINT_OPTIONS, restrictPrintSession, servePdfPrinter, type PrintWindow } from './pdf-printer.js';

let tempDir: string;
let windows: FakeWindow[];

class FakeWindow implements PrintWindow {
  loaded: string | null = null;
  htmlSeen = '';
  modeSeen = 0;
  destroyed = false;
  options: unknown = null;
  constructor(
    readonly allowedUrl: string,
    private readonly fail: 'load' | 'print' | null = null,
  ) {}
  async load(file: string): Promise<void> {
    this.loaded = file;
    this.htmlSeen = fs.readFileSync(file, 'utf8');
    this.modeSeen = fs.statSync(file).mode & 0o777;
    if (this.fail === 'load') throw new Error('ERR_FAILED');
  }
  async printToPDF(options: typeof PRINT_OPTIONS): Promise<Buffer> {
    this.options = options;
    if (this.fail === 'print') throw new Error('Printing failed');
    await new Promise((resolve) => setTimeout(resolve, 5));
    return Buffer.from(`%PDF-1.4 ${this.htmlSeen.length}`);
  }
  destroy(): void {
    this.destroyed = true;
  }
}

function service(fail: 'load' | 'print' | null = null) {
  return new PdfPrintService({
    tempDir,
    createWindow: (allowedUrl) => {
      const window = new FakeWindow(allowedUrl, fail);
      windows.push(window);
      return window;
    },
  });
}

beforeEach(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-printer-'));
  windows = [];
});
afterEach(() => {
  fs.rmSync(tempDir, { recursive: true, force: true });
});

describe('the PDF print service', () => {
  it('loads the HTML from a private temp file, prints A4 as the page says, then destroys the window and the file', async () => {
    const pdf = await service().print('<p>Quarterly report</p>');
    expect(pdf.toString()).toBe('%PDF-1.4 23');
    const [window] = windows;
    expect(window!.htmlSeen).toBe('<p>Quarterly report</p>');
    expect(window!.allowedUrl).toBe(`file://${window!.loaded}`);
    expect(fileURLToPath(window!.allowedUrl)).toBe(window!.loaded);
    if (process.platform !== 'win32') expect(window!.modeSeen).toBe(0o600);
    expect(window!.options).toEqual({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      generateTaggedPDF: false,
    });
    expect(window!.destroyed).toBe(true);
    expect(fs.readdirSync(tempDir)).toEqual([]);
  });

  it('cleans up when loading or printing fails, and says why', async () => {
    await expect(service('load').print('<p>x</p>')).rejects.toThrow('ERR_FAILED');
    await expect(service('print').print('<p>x</p>')).rejects.toThrow('Printing failed');
    expect(windows.every((w) => w.destroyed)).toBe(true);
    expect(fs.readdirSync(tempDir)).toEqual([]);
    expect(await service('print').answer({ type: 'print-pdf', id: 7, html: '<p>x</p>' })).toEqual({
      type: 'print-pdf-result',
      id: 7,
      ok: false,
      message: 'Printing failed',
    });
  });

  it('prints one at a time', async () => {
    const printer = service();
    let open = 0;
    let most = 0;
    const original = FakeWindow.prototype.printToPDF;
    const spy = async function (this: FakeWindow, options: typeof PRINT_OPTIONS) {
      open += 1;
      most = Math.max(most, open);
      try {
        return await original.call(this, options);
      } finally {
        open -= 1;
      }
    };
    FakeWindow.prototype.printToPDF = spy;
    try {
      await Promise.all([printer.print('a'), printer.print('b'), printer.print('c')]);
    } finally {
      FakeWindow.prototype.printToPDF = original;
    }
    expect(most).toBe(1);
    expect(windows.map((w) => w.htmlSeen)).toEqual(['a', 'b', 'c']);
  });

  it('ignores anything but a well-formed print request', async () => {
    const printer = service();
    for (const message of [
      { type: 'token-vault', id: 1, op: 'read' },
      { type: 'print-pdf', id: -1, html: 'x' },
      { type: 'print-pdf', id: 1, html: 5 },
      { type: 'print-pdf', id: 1, html: 'x', extra: true },
      'print-pdf',
      null,
    ]) {
      expect(await printer.answer(message)).toBeNull();
    }
    expect(windows).toEqual([]);
  });
});

describe('the print window’s session', () => {
  it('lets the report’s file load and refuses every other request and permission', () => {
    let onBefore: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | null = null;
    let onPermission: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | null = null;
    let onCheck: (() => boolean) | null = null;
    restrictPrintSession(
      {
        setPermissionRequestHandler: (handler) => (onPermission = handler),
        setPermissionCheckHandler: (handler) => (onCheck = handler),
        webRequest: { onBeforeRequest: (listener) => (onBefore = listener) },
      },
      'file:///tmp/incubator-report-x/report.html',
    );
    const cancelled = (url: string) => {
      let answer: boolean | null = null;
      onBefore!({ url }, (r) => (answer = r.cancel));
      return answer;
    };
    expect(cancelled('file:///tmp/incubator-report-x/report.html')).toBe(false);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('https://evil.example/x.png')).toBe(true);
    let granted: boolean | null = null;
    onPermission!(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(onCheck!()).toBe(false);
  });
});

describe('core asking the main process to print', () => {
  it('writes the report’s PDF through the child’s port', async () => {
    // The utilityProcess as the main process sees it, and its parent port as core sees it.
    const child = new EventEmitter() as EventEmitter & { postMessage(message: unknown): void };
    const core = new PortPdfPrinter((request) => setImmediate(() => child.emit('message', request)));
    child.postMessage = (message) => setImmediate(() => core.receive(message));
    servePdfPrinter(child, service());

    const out = path.join(tempDir, 'report.pdf');
    await renderPdf(sampleReport(), out, { printer: core });
    const written = fs.readFileSync(out, 'latin1');
    expect(written.startsWith('%PDF-1.4 ')).toBe(true);
    expect(Number(written.slice(9))).toBe(windows[0]!.htmlSeen.length);
    expect(windows[0]!.htmlSeen).toContain('NIC Karachi');
    if (process.platform !== 'win32') expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });
});
