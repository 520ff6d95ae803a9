/**
 * Sign out after `minutes` without keyboard, mouse or touch input — the counter PC may be left
 * open between visitors. `onActiveAgain` runs at most once per KEEPALIVE_SHARE of the idle time
 * while the user is active, so the server's own idle clock does not end a session in use.
 */
import { useEffect, useRef } from 'react';

const EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const KEEPALIVE_SHARE = 0.5;

export function useIdleTimer(minutes: number | null, handlers: { onIdle: () => void; onActiveAgain?: () => void }) {
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    if (minutes === null || minutes <= 0) return;
    const limit = minutes * 60_000;
    let last = Date.now();
    let lastKeepalive = last;
    let timer: ReturnType<typeof setTimeout>;

    const check = () => {
      const idle = Date.now() - last;
      if (idle >= limit) handlersRef.current.onIdle();
      else timer = setTimeout(check, limit - idle);
    };
    const onActivity = () => {
      last = Date.now();
      if (last - lastKeepalive >= limit * KEEPALIVE_SHARE) {
        lastKeepalive = last;
        handlersRef.current.onActiveAgain?.();
      }
    };

    timer = setTimeout(check, limit);
    for (const e of EVENTS) window.addEventListener(e, onActivity, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const e of EVENTS) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [minutes]);
}
