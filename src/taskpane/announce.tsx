import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { makeStyles } from '@fluentui/react-components';

export const useVisuallyHidden = makeStyles({
  hidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap', border: 0 },
});

const AnnounceContext = createContext<(text: string) => void>(() => undefined);

/**
 * One polite live region for the pane: results and errors are spoken when they arrive (a
 * MessageBar appearing is not announced by itself). The text stays until the next announcement;
 * the same text twice is cleared in between so it is spoken again.
 */
export function Announcer({ children }: { children: ReactNode }) {
  const styles = useVisuallyHidden();
  const [text, setText] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const announce = useCallback((next: string) => {
    clearTimeout(timer.current);
    setText('');
    timer.current = setTimeout(() => setText(next), 100);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div id="pane-announcer" role="status" aria-live="polite" aria-atomic="true" className={styles.hidden}>{text}</div>
    </AnnounceContext.Provider>
  );
}

export const useAnnounce = () => useContext(AnnounceContext);
