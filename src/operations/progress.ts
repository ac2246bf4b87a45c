/**
 * What a long command is doing, as data the edges render in the user's language ("Læser
 * projektmappen …", "Tjekker 1 834 rækker på 12 ark …"). Operations take an optional callback.
 */
export type Progress =
  | { step: 'reading' }
  | { step: 'checking'; sheets: number; rows: number }
  | { step: 'reconciling'; lines: number }
  | { step: 'summarizing'; sheets: number }
  | { step: 'writing'; sheet: string }
  /** Another workbook read in the pane (Saml projektmapper, Indlæs partnerudgave): file `index` of `count`. */
  | { step: 'readingFile'; index: number; count: number; file: string };

export type OnProgress = (progress: Progress) => void;

/** Reports and lets the browser paint it before the synchronous work that follows. */
export async function report(onProgress: OnProgress | undefined, progress: Progress): Promise<void> {
  if (!onProgress) return;
  onProgress(progress);
  await new Promise((resolve) => setTimeout(resolve, 0));
}
