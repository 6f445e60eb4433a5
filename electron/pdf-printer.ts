/**
 * Prints report PDFs for core. Core runs in a utilityProcess, which has no browser, so with
 * `--pdf-printer parent` it asks this process (core/reports/render/pdf.ts, PortPdfPrinter):
 *
 *   core → main  { type: 'print-pdf', id, html }
 *   main → core  { type: 'print-pdf-result', id, ok: true, pdf: Uint8Array }
 *              | { type: 'print-pdf-result', id, ok: false, message }
 *
 * The HTML (self-contained: inline CSS and SVG, no script) is written to a private temp file
 * and loaded in a hidden window that main.ts makes: sandboxed, JavaScript off, in a session of
 * its own that refuses every request but that file. printToPDF prints it on A4 as its CSS says
 * (margins, header and footer with the page numbers); then the window is destroyed and the
 * file removed. One print at a time. Kept free of Electron so it can be tested with fakes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

/** A report for 1,000 startups is a few megabytes; this is far above any real one. */
const MAX_HTML = 256 * 1024 * 1024;

export const PrintRequestSchema = z.strictObject({
  type: z.literal('print-pdf'),
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  html: z.string().max(MAX_HTML),
});

export type PrintReply =
  | { type: 'print-pdf-result'; id: number; ok: true; pdf: Uint8Array }
  | { type: 'print-pdf-result'; id: number; ok: false; message: string };

/** Electron's printToPDF options: A4 from the page's own CSS, backgrounds (the accent colours) kept. */
export const PRINT_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
  generateTaggedPDF: false,
} as const;

/** The hidden window main.ts makes for one print (a fake in tests). */
export interface PrintWindow {
  load(file: string): Promise<void>;
  printToPDF(options: typeof PRINT_OPTIONS): Promise<Buffer | Uint8Array>;
  destroy(): void;
}

export interface PdfPrintServiceOptions {
  /** A hidden, sandboxed window without JavaScript that may load `allowedUrl` and nothing else. */
  createWindow(allowedUrl: string): PrintWindow;
  /** Where the temp folder goes (default: the system's). */
  tempDir?: string;
  log?: (message: string, error?: unknown) => void;
}

export class PdfPrintService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: PdfPrintServiceOptions) {}

  /** The PDF of the HTML. */
  print(html: string): Promise<Buffer> {
    const run = () => this.printNow(html);
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Answers one message from core; null when it is not a well-formed print request (the child is not trusted to send only those). */
  async answer(message: unknown): Promise<PrintReply | null> {
    const parsed = PrintRequestSchema.safeParse(message);
    if (!parsed.success) return null;
    const { id, html } = parsed.data;
    try {
      const pdf = await this.print(html);
      return { type: 'print-pdf-result', id, ok: true, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
    } catch (error) {
      this.opts.log?.('Could not print a report to PDF', error);
      return { type: 'print-pdf-result', id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  private async printNow(html: string): Promise<Buffer> {
    const folder = await fs.promises.mkdtemp(path.join(this.opts.tempDir ?? os.tmpdir(), 'incubator-report-'));
    const file = path.join(folder, 'report.html');
    let window: PrintWindow | null = null;
    try {
      await fs.promises.writeFile(file, html, { mode: 0o600 });
      window = this.opts.createWindow(pathToFileURL(file).href);
      await window.load(file);
      const pdf = await window.printToPDF(PRINT_OPTIONS);
      return Buffer.isBuffer(pdf) ? pdf : Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      try {
        window?.destroy();
      } finally {
        await fs.promises.rm(folder, { recursive: true, force: true });
      }
    }
  }
}

/** The part of Electron's Session the print window's session needs (a fake in tests). */
export interface PrintSessionLike {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** The print window's session: the report's file may load, nothing else (the page should ask for nothing). */
export function restrictPrintSession(session: PrintSessionLike, allowedUrl: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== allowedUrl }));
}

/** The part of Electron's UtilityProcess the printer talks over. */
export interface PrintChannel {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  postMessage(message: unknown): void;
}

/** Answers the print requests the child sends; everything else it sends is left alone. */
export function servePdfPrinter(child: PrintChannel, service: PdfPrintService): void {
  child.on('message', (message) => {
    void service.answer(message).then((reply) => {
      if (!reply) return;
      try {
        child.postMessage(reply);
      } catch {
        // The child exited meanwhile; its successor asks again.
      }
    });
  });
}
