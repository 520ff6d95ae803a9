/** The numbers being called now (codes and desks only), refreshed every few seconds. */
import { useApiQuery } from '../components/useApiQuery';

export const DISPLAY_REFRESH_MS = 3000;

export function useQueueDisplay() {
  return useApiQuery('queue.display', undefined, { refetchInterval: DISPLAY_REFRESH_MS, staleTime: 0, refetchIntervalInBackground: true });
}

export function CalledNumbers({ limit = 4 }: { limit?: number }) {
  const display = useQueueDisplay();
  const called = display.data?.called.slice(0, limit) ?? [];
  return (
    <section className="kiosk-panel" aria-label="正在叫号">
      <h2>正在叫号</h2>
      {called.length === 0 ? (
        <div style={{ color: '#3a3a3a' }}>暂无叫号</div>
      ) : (
        <ul className="kiosk-called">
          {called.map((c) => (
            <li key={`${c.code}-${c.calledAt}`}>
              <span className="code">{c.code}</span>
              <span>请到 {c.desk}</span>
            </li>
          ))}
        </ul>
      )}
      {display.data ? <div style={{ marginTop: 12, fontSize: 24 }}>等候人数：{display.data.waiting}</div> : null}
    </section>
  );
}
