/**
 * The hall screen (#/display, or a workstation paired as a display): the number being called now,
 * in huge type, and the ones before it. It refetches when the host pushes a `queue` change (and
 * every few seconds besides) and chimes when a new number is called.
 */
import { useEffect, useRef, useState } from 'react';
import { playChime } from './chime';
import { useQueueDisplay } from './CalledNumbers';
import './kiosk.css';

/** Chimes each time the number at the head of the list changes after the first load. */
function useChime(head: string | null | undefined): number {
  const last = useRef<string | null | undefined>(undefined);
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (head === undefined) return; // not loaded yet
    const previous = last.current;
    last.current = head;
    if (previous === undefined || head === null || head === previous) return;
    setCount((c) => c + 1);
    void playChime();
  }, [head]);
  return count;
}

export function HallDisplay() {
  const display = useQueueDisplay();
  const [now, ...earlier] = display.data?.called ?? [];
  const head = display.data ? (now ? `${now.code}@${now.calledAt}` : null) : undefined;
  const chimes = useChime(head);
  return (
    <div className="hall" data-testid="hall-display" data-chimes={chimes}>
      <h1>叫号信息</h1>
      {now ? (
        <div className="hall-now" role="status" aria-live="assertive">
          <span>请</span>
          <span className="code">{now.code}</span>
          <span>到 {now.desk}</span>
        </div>
      ) : (
        <div className="hall-now">暂无叫号，请耐心等候</div>
      )}
      <div className="hall-list">
        {earlier.map((c) => (
          <div key={`${c.code}-${c.calledAt}`}>
            <span className="code">{c.code}</span>
            {c.desk}
          </div>
        ))}
      </div>
      <div style={{ fontSize: 40, marginTop: 'auto' }}>等候人数：{display.data?.waiting ?? '—'}</div>
    </div>
  );
}
