import { useCallback, useRef, useState } from 'react';

export interface Operation {
  running: boolean;
  error?: unknown;
  /** Runs `work` unless something runs already; its signal is aborted by cancel(). */
  start: <T>(work: (signal: AbortSignal) => Promise<T>) => Promise<T | undefined>;
  cancel: () => void;
  clearError: () => void;
}

/** One long-running command at a time, with cancel and the last error kept for a MessageBar. */
export function useOperation(): Operation {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(async <T,>(work: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> => {
    if (controller.current) return undefined;
    const current = new AbortController();
    controller.current = current;
    setRunning(true);
    setError(undefined);
    try {
      return await work(current.signal);
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      controller.current = null;
      setRunning(false);
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const clearError = useCallback(() => setError(undefined), []);
  return { running, error, start, cancel, clearError };
}
