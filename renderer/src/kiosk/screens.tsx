/** The kiosk's screens outside the five steps: done (the ticket), progress lookup, the idle prompt. */
import { useState } from 'react';
import { QUERY_CODE_ALPHABET, formatQueryCode, type LookupResult, type SubmitResult } from '../../../electron/common/api/intake';
import { call } from '../api/client';
import { errorMessage } from '../components/apiErrors';
import { Field } from './Field';
import { applyKey, DIGIT_KEYS, Keypad } from './Keypad';

export function DoneScreen({
  result,
  reprinting,
  reprintError,
  onReprint,
  centrePhone,
}: {
  result: SubmitResult;
  centrePhone: string | undefined;
  reprinting: boolean;
  reprintError: string | null;
  onReprint: () => void;
}) {
  return (
    <div className="kiosk-done" data-testid="kiosk-done">
      <div className="kiosk-done-codes">
        <div className="ok">登记成功</div>
        <div className="label">您的排队号</div>
        <div className="kiosk-queue-code" data-testid="queue-code">
          {result.queueCode}
        </div>
        <div className="label" style={{ marginTop: 12 }}>
          查询码（凭它和手机号后四位查询办理进度）
        </div>
        <div className="kiosk-query-code" data-testid="query-code">
          {result.queryCode}
        </div>
      </div>
      <div className="kiosk-done-next">
        {result.printed ? (
          <div className="kiosk-take" role="status">
            请取走小票，在大厅等候叫号
          </div>
        ) : null}
        <ol className="kiosk-next" aria-label="接下来">
          <li>请在大厅等候，留意大屏幕和广播叫号。</li>
          <li>叫到 {result.queueCode} 时，请到屏幕上显示的窗口（调解室）办理，工作人员会详细了解情况。</li>
          <li>以后凭查询码和手机号码后四位，可以在本机“查询办理进度”查看进展{centrePhone ? `，也可以拨打 ${centrePhone} 咨询` : ''}。</li>
        </ol>
        {result.printed ? null : (
          <>
            <div className="kiosk-alert" role="alert">
              小票打印失败，请记下排队号 {result.queueCode} 和查询码，或到窗口找工作人员
              {reprintError ? <div style={{ fontSize: 26, marginTop: 8 }}>{reprintError}</div> : null}
            </div>
            <button type="button" className="kiosk-btn primary big" style={{ marginTop: 20 }} disabled={reprinting} onClick={onReprint}>
              {reprinting ? '正在打印…' : '重新打印'}
            </button>
          </>
        )}
      </div>
    </div>
  );
}

const CODE_KEYS = [...QUERY_CODE_ALPHABET, '⌫'];
const codeChars = (s: string) =>
  s
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, 8);

export function LookupScreen() {
  const [code, setCode] = useState('');
  const [last4, setLast4] = useState('');
  const [target, setTarget] = useState<'code' | 'last4'>('code');
  const [result, setResult] = useState<LookupResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The eighth character completes the code: on to the phone digits by themselves.
  const typeCode = (next: string) => {
    setCode(next);
    if (next.length === 8 && code.length < 8) {
      setTarget('last4');
      document.getElementById('k-last4')?.focus();
    }
  };

  const submit = async () => {
    setError(null);
    setResult(null);
    if (code.length !== 8) return setError('查询码为 8 位，请对照小票输入');
    if (!/^\d{4}$/.test(last4)) return setError('请输入登记时所留手机号码的后四位');
    setBusy(true);
    try {
      setResult(await call('intake.lookup', { code, phoneLast4: last4 }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="kiosk-form">
      <div className="kiosk-fields">
        <Field
          id="k-code"
          label="查询码"
          note="在小票上，8 位字母和数字"
          value={formatQueryCode(code)}
          active={target === 'code'}
          onFocus={() => setTarget('code')}
          onChange={(v) => typeCode(codeChars(v))}
          placeholder="例如 K7Q2-M9PD"
          style={{ letterSpacing: 4 }}
        />
        <Field
          id="k-last4"
          label="手机号码后四位"
          value={last4}
          active={target === 'last4'}
          inputMode="numeric"
          onFocus={() => setTarget('last4')}
          onChange={(v) => setLast4(v.replace(/\D/g, '').slice(0, 4))}
          placeholder="4 位数字"
        />
        <button type="button" className="kiosk-btn primary big" disabled={busy} onClick={() => void submit()}>
          {busy ? '正在查询…' : '查询'}
        </button>
        {result ? (
          <div className="kiosk-panel" role="status" data-testid="lookup-result">
            <div style={{ fontSize: 28, color: '#3a3a3a' }}>办理进度</div>
            <div className="kiosk-result">{result.text}</div>
          </div>
        ) : null}
        {error ? (
          <div className="kiosk-alert" role="alert" style={{ marginTop: 0 }}>
            {error}
          </div>
        ) : null}
      </div>
      {target === 'code' ? (
        <Keypad label="输入查询码" keys={CODE_KEYS} columns={8} onKey={(k) => typeCode(applyKey(code, k, 8))} />
      ) : (
        <Keypad label="输入手机号码后四位" keys={DIGIT_KEYS} onKey={(k) => setLast4((c) => applyKey(c, k, 4))} />
      )}
    </div>
  );
}

export function IdlePrompt({ secondsLeft, onContinue }: { secondsLeft: number; onContinue: () => void }) {
  return (
    <div className="kiosk-overlay">
      <div className="kiosk-dialog" role="alertdialog" aria-modal="true" aria-labelledby="k-idle-title">
        <h2 id="k-idle-title">还在操作吗？</h2>
        <p>为保护您的信息，无人操作时屏幕将清空。</p>
        <div className="kiosk-countdown" data-testid="idle-countdown">
          {secondsLeft}
        </div>
        <p>秒后清空屏幕，回到首页</p>
        <button type="button" className="kiosk-btn primary big" onClick={onContinue} autoFocus>
          继续操作
        </button>
      </div>
    </div>
  );
}
