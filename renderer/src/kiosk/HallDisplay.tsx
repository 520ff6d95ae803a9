/** The hall screen (#/display): the number being called now, in huge type, and the ones before it. */
import { useQueueDisplay } from './CalledNumbers';
import './kiosk.css';

export function HallDisplay() {
  const display = useQueueDisplay();
  const [now, ...earlier] = display.data?.called ?? [];
  return (
    <div className="hall" data-testid="hall-display">
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
