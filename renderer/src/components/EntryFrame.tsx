import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The frame of the screens before the shell (first-run setup, login): the app's name over one card. */
export function EntryFrame({ subtitle, width = 440, children }: { subtitle?: ReactNode; width?: number; children: ReactNode }) {
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '48px 16px', background: 'var(--md-entry-bg)' }}>
      <Typography.Title level={2} style={{ marginBottom: 4, letterSpacing: 2 }}>
        调解工作台
      </Typography.Title>
      {subtitle ? (
        <Typography.Text type="secondary" style={{ marginBottom: 24, fontSize: 16 }}>
          {subtitle}
        </Typography.Text>
      ) : (
        <div style={{ height: 24 }} />
      )}
      <Card style={{ width: '100%', maxWidth: width }} styles={{ body: { padding: 32 } }}>
        {children}
      </Card>
    </Flex>
  );
}
