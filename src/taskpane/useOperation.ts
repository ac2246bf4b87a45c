import { useCallback, useRef, useState } from 'react';
import type { OnProgress, Progress } from '../operations/progress';

/** How a start() ended: its value, a failure (kept in `error` for the MessageBar) or refused because something runs. */
export type Outcome<T> = { status: 'done'; value: T } | { status: 'failed'; error: unknown } | { status: 'busy' };

export interface Operation {
  running: boolean;
  /** What the running command reported last. */
  progress?: Progress;
  error?: unknown;
  /** Runs `work` unless something runs already; its signal is aborted by cancel(). */
  start: <T>(work: (signal: AbortSignal, onProgress: OnProgress) => Promise<T>) => Promise<Outcome<T>>;
  cancel: () => void;
  clearError: () => void;
}

/** One long-running command at a time, with progress, cancel and the last error kept for a MessageBar. */
export function useOperation(): Operation {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress>();
  const [error, setError] = useState<unknown>();
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(async <T,>(work: (signal: AbortSignal, onProgress: OnProgress) => Promise<T>): Promise<Outcome<T>> => {
    if (controller.current) return { status: 'busy' };
    const current = new AbortController();
    controller.current = current;
    setRunning(true);
    setProgress(undefined);
    setError(undefined);
    try {
      return { status: 'done', value: await work(current.signal, setProgress) };
    } catch (e) {
      setError(e);
      return { status: 'failed', error: e };
    } finally {
      controller.current = null;
      setRunning(false);
      setProgress(undefined);
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const clearError = useCallback(() => setError(undefined), []);
  return { running, progress, error, start, cancel, clearError };
}
