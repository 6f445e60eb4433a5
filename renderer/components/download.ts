/**
 * Offers content as a file download: the browser's download, or Electron's save dialog in the
 * desktop app.
 */
export function offerDownload(parts: BlobPart[], type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns: let the download start first.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
