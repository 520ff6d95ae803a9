import { Flex, Spin } from 'antd';

/** A whole-window wait, for start-up and sign-in restore. */
export function LoadingScreen({ tip = '正在加载…' }: { tip?: string }) {
  return (
    <Flex vertical align="center" justify="center" gap={16} style={{ minHeight: '100vh' }}>
      <Spin size="large" />
      <span>{tip}</span>
    </Flex>
  );
}
