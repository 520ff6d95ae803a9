/**
 * The kiosk's idle rule: after `idleSeconds` without a touch it asks "还在操作吗？" and counts down
 * `promptSeconds`; a touch on 继续操作 goes on, the end of the countdown clears everything.
 * Only armed while there is something to clear (`armed`).
 *
 * Both waits are measured against Date.now() rather than by counting timer ticks, so a machine
 * that was suspended (or a test clock jumping ahead) still clears the screen on time.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

const EVENTS = ['pointerdown', 'keydown', 'touchstart', 'input', 'wheel'] as const;

export function useKioskIdle(armed: boolean, idleSeconds: number, promptSeconds: number, onTimeout: () => void) {
  /** When the prompt clears the screen (ms since epoch), or null while no prompt shows. */
  const [deadline, setDeadline] = useState<number | null>(null);
  const [left, setLeft] = useState(promptSeconds);
  /** The last touch (ms since epoch); set when the idle wait starts, before anything reads it. */
  const last = useRef(0);
  const timeoutRef = useRef(onTimeout);
  useEffect(() => {
    timeoutRef.current = onTimeout;
  });

  useEffect(() => {
    const onActivity = () => {
      last.current = Date.now();
    };
    for (const e of EVENTS) window.addEventListener(e, onActivity, { capture: true, passive: true });
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, []);

  // Waiting for the idle time to pass.
  useEffect(() => {
    if (!armed || deadline !== null) return;
    last.current = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const idle = Date.now() - last.current;
      if (idle >= idleSeconds * 1000) {
        setLeft(promptSeconds);
        setDeadline(Date.now() + promptSeconds * 1000);
      } else {
        timer = setTimeout(check, idleSeconds * 1000 - idle);
      }
    };
    timer = setTimeout(check, idleSeconds * 1000);
    return () => clearTimeout(timer);
  }, [armed, idleSeconds, promptSeconds, deadline]);

  // The prompt's countdown.
  useEffect(() => {
    if (deadline === null) return;
    let fired = false;
    const tick = () => {
      const ms = deadline - Date.now();
      if (ms > 0) return setLeft(Math.ceil(ms / 1000));
      if (fired) return;
      fired = true;
      clearInterval(interval);
      setDeadline(null);
      timeoutRef.current();
    };
    const interval = setInterval(tick, 250);
    return () => clearInterval(interval);
  }, [deadline]);

  // Disarmed, the prompt goes at once: adjusted while rendering, as React advises, not in an effect.
  if (!armed && deadline !== null) setDeadline(null);

  const stillHere = useCallback(() => {
    last.current = Date.now();
    setDeadline(null);
  }, []);

  return { promptLeft: deadline === null ? null : left, stillHere };
}
