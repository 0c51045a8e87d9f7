/** Saves a Blob as a file through a temporary `<a download>` (no popup, works in every evergreen browser). */
export type DownloadBlob = (blob: Blob, filename: string) => void;

/** Default {@link DownloadBlob} using `doc`. */
export function createDownloadBlob(doc: Document = document): DownloadBlob {
  return (blob, filename) => {
    const url = URL.createObjectURL(blob);
    const link = doc.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    doc.body.append(link);
    link.click();
    link.remove();
    // Revoking synchronously can cancel the download in Safari; a tick later is safe.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
}
