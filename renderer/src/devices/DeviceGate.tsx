/**
 * What this window is, before anything else: `devices.current` at start. On the centre host's own
 * window or a one-PC centre (mode 'local', or a tab opened with the launch token) nothing changes.
 * On the LAN, a browser that is not paired gets the pairing screen; a paired one shows what its
 * kind allows: a desk the usual sign-in and shell, a kiosk the citizens' kiosk, a display the hall
 * display. A device the host refuses (revoked, unknown) is told so and offered pairing again.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { hasLaunchToken, onDeviceRefused } from '../api/client';
import { errorMessage, isApiError } from '../components/apiErrors';
import { LoadingScreen } from '../components/LoadingScreen';
import { apiQueryKey, useApiQuery } from '../components/useApiQuery';
import { HallDisplay } from '../kiosk/HallDisplay';
import { KioskApp } from '../kiosk/KioskApp';
import { PairingPage } from './PairingPage';

/**
 * Why the host last refused this browser's device credential. Kept across a reload: the host
 * answers `devices.current` for a revoked device as for an unpaired one, and the person at the
 * machine should still read that the administrator revoked it. Forgotten once paired again.
 */
const REFUSAL_KEY = 'mediation-desk.device-refusal';
const keptRefusal = () => {
  try {
    return localStorage.getItem(REFUSAL_KEY);
  } catch {
    return null;
  }
};

export function DeviceGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const current = useApiQuery('devices.current', undefined, { staleTime: Infinity });
  const [refusal, setRefusal] = useState<string | null>(keptRefusal);
  useEffect(
    () =>
      onDeviceRefused((e) => {
        if (e.code === 'DEVICE_REVOKED') localStorage.setItem(REFUSAL_KEY, e.message);
        setRefusal(e.message);
        // Ask the host again what this machine is: a revoked device is no device any more.
        void queryClient.invalidateQueries({ queryKey: apiQueryKey('devices.current') });
      }),
    [queryClient],
  );
  const paired = () => {
    localStorage.removeItem(REFUSAL_KEY);
    setRefusal(null);
  };

  if (current.isPending) return <LoadingScreen tip="正在连接中心主机…" />;
  if (current.isError) {
    if (isApiError(current.error, 'DEVICE_REVOKED') || isApiError(current.error, 'DEVICE_UNPAIRED')) {
      return <PairingPage centreName={null} refusal={current.error.message} />;
    }
    return (
      <Result
        status="error"
        title="无法连接中心主机"
        subTitle={errorMessage(current.error)}
        extra={
          <Button type="primary" loading={current.isFetching} onClick={() => void current.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  const { mode, device, centreName } = current.data;
  // A refusal seen since the last pairing explains why there is no device; the host's answer decides.
  if (mode === 'lan' && device === null && !hasLaunchToken())
    return <PairingPage centreName={centreName} refusal={refusal} onPaired={paired} />;
  if (device?.kind === 'kiosk') return <KioskApp />;
  if (device?.kind === 'display') return <HallDisplay />;
  return <>{children}</>;
}
