/**
 * The report as an A4 PDF: the HTML document (html.ts) printed by a browser. Which browser is
 * the host's choice, through a `PdfPrinter`:
 *
 * - the CLI, `npm run web` and tests: Chromium driven by playwright-core (ChromiumPdfPrinter),
 *   found as core/common/chromium.ts finds it (CHROMIUM_PATH, Debian's package, …);
 * - the desktop app: core runs in a utilityProcess, which has no browser of its own, so it
 *   asks the Electron main process (PortPdfPrinter, the messages below), which prints with
 *   webContents.printToPDF in a hidden, sandboxed window without JavaScript
 *   (electron/pdf-printer.ts). The host installs it with `setPdfPrinter` at start.
 *
 * The page size, margins, header and footer (page numbers) are in the document's CSS, so
 * both print the same pages. The page never runs a script: Chromium's is switched off.
 *
 *   core → main  { type: 'print-pdf', id, html }
 *   main → core  { type: 'print-pdf-result', id, ok: true, pdf: Uint8Array }
 *              | { type: 'print-pdf-result', id, ok: false, message }
 */
import fs from 'node:fs';
import type { QuarterlyReport } from '../../../shared/api/reports.js';
import { CHROMIUM_MISSING, chromiumLaunchOptions } from '../../common/chromium.js';
import { renderHtml, type HtmlOptions } from './html.js';

export interface PdfPrinter {
  /** The PDF of a self-contained HTML document whose CSS sets the page (A4). */
  print(html: string): Promise<Buffer>;
}

export class PrinterUnavailable extends Error {
  override name = 'PrinterUnavailable';
}

/** Headless Chromium through playwright-core: a browser per print, closed after. */
export class ChromiumPdfPrinter implements PdfPrinter {
  constructor(private readonly launchOptions = chromiumLaunchOptions()) {}

  async print(html: string): Promise<Buffer> {
    if (!this.launchOptions.executablePath) throw new PrinterUnavailable(`Cannot print the PDF. ${CHROMIUM_MISSING}`);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ ...this.launchOptions, headless: true });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      // The document fetches nothing; anything it tried would be a bug (or a name that got through).
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      page.setDefaultTimeout(300_000);
      await page.setContent(html, { waitUntil: 'load', timeout: 300_000 });
      return await page.pdf({ preferCSSPageSize: true, printBackground: true, format: 'A4' });
    } finally {
      await browser.close();
    }
  }
}

export type PrintRequest = { type: 'print-pdf'; id: number; html: string };
export type PrintReply =
  | { type: 'print-pdf-result'; id: number; ok: true; pdf: Uint8Array }
  | { type: 'print-pdf-result'; id: number; ok: false; message: string };

export function isPrintReply(message: unknown): message is PrintReply {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'print-pdf-result';
}

/** Core's side of a printer in another process (the Electron main process). */
export class PortPdfPrinter implements PdfPrinter {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: PrintReply | Error) => void>();

  constructor(
    private readonly send: (request: PrintRequest) => void,
    private readonly timeoutMs = 300_000,
  ) {}

  /** Feed every message from the other process here; returns true if it was a print reply. */
  receive(message: unknown): boolean {
    if (!isPrintReply(message)) return false;
    this.waiting.get(message.id)?.(message);
    this.waiting.delete(message.id);
    return true;
  }

  print(html: string): Promise<Buffer> {
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new PrinterUnavailable('The app did not print the PDF in time.'));
      }, this.timeoutMs);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        if (reply instanceof Error) reject(reply);
        else if (reply.ok) resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
        else reject(new PrinterUnavailable(`The PDF could not be printed: ${reply.message}`));
      });
      try {
        this.send({ type: 'print-pdf', id, html });
      } catch (error) {
        clearTimeout(timer);
        this.waiting.delete(id);
        reject(error as Error);
      }
    });
  }
}

let hostPrinter: PdfPrinter | null = null;

/** The host's printer (the desktop app's); null goes back to Chromium through playwright-core. */
export function setPdfPrinter(printer: PdfPrinter | null): void {
  hostPrinter = printer;
}

export function pdfPrinter(): PdfPrinter {
  return hostPrinter ?? new ChromiumPdfPrinter();
}

export interface PdfOptions extends HtmlOptions {
  printer?: PdfPrinter;
}

/** Prints the report to `outPath` (mode 0600: it names people). */
export async function renderPdf(report: QuarterlyReport, outPath: string, options: PdfOptions = {}): Promise<void> {
  const html = renderHtml(report, options);
  const pdf = await (options.printer ?? pdfPrinter()).print(html);
  await fs.promises.writeFile(outPath, pdf, { mode: 0o600 });
}
