/**
 * The strip across the top of every staff and display screen while the centre host cannot be
 * reached. It appears the moment a call or the push channel fails and goes when the host answers;
 * what the user typed stays in the form (see useDraft) and saves already sent are retried.
 */
import { DisconnectOutlined } from '@ant-design/icons';
import { OFFLINE_MESSAGE, useConnection } from '../api/connection';

export function ConnectionBanner() {
  const state = useConnection();
  if (state === 'online') return null;
  return (
    <div
      role="alert"
      data-testid="connection-banner"
      style={{
        position: 'fixed',
        top: 0,
        left: 0,
        right: 0,
        zIndex: 2000,
        padding: '10px 24px',
        background: '#b42318',
        color: '#fff',
        fontSize: 18,
        fontWeight: 600,
        textAlign: 'center',
        boxShadow: '0 2px 8px rgba(0,0,0,0.25)',
      }}
    >
      <DisconnectOutlined style={{ marginRight: 10 }} />
      {OFFLINE_MESSAGE}
    </div>
  );
}
