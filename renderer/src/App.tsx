/**
 * The providers every screen relies on: antd in Chinese with our theme, TanStack Query, a hash
 * router (works from Electron's file:// and from the browser host alike), and the sign-in state.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useState } from 'react';
import { HashRouter, Route, Routes, useLocation } from 'react-router-dom';
import { usePushUpdates } from './api/usePushUpdates';
import { AuthProvider } from './auth/AuthProvider';
import { ConnectionBanner } from './components/ConnectionBanner';
import { useApiQuery } from './components/useApiQuery';
import { DeviceGate } from './devices/DeviceGate';
import { Boot } from './boot/Boot';
import { HallDisplay } from './kiosk/HallDisplay';
import { KioskApp } from './kiosk/KioskApp';
import { createQueryClient } from './queryClient';
import { theme } from './theme';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntdApp>
        <QueryClientProvider client={queryClient}>
          <HashRouter>
            <Live />
            <DeviceGate>
              <Routes>
                {/* The citizens' screens: outside the sign-in and the shell, no navigation out. */}
                <Route path="/kiosk/*" element={<KioskApp />} />
                <Route path="/display" element={<HallDisplay />} />
                <Route
                  path="*"
                  element={
                    <AuthProvider>
                      <Boot />
                    </AuthProvider>
                  }
                />
              </Routes>
            </DeviceGate>
          </HashRouter>
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}

/** The push channel for the whole window, and the banner on every screen but the kiosk (it pauses instead). */
function Live() {
  usePushUpdates();
  const { pathname } = useLocation();
  const current = useApiQuery('devices.current', undefined, { staleTime: Infinity });
  return pathname.startsWith('/kiosk') || current.data?.device?.kind === 'kiosk' ? null : <ConnectionBanner />;
}
