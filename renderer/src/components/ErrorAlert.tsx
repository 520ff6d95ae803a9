import { Alert } from 'antd';
import { errorMessage } from './apiErrors';

/** An error from a call, shown in place (forms, pages). Renders nothing when there is no error. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? errorMessage(error)}
      {...(title ? { description: errorMessage(error) } : {})}
      style={{ marginBottom: 16 }}
    />
  );
}
