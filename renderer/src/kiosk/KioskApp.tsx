/**
 * The citizens' self-service screen (#/kiosk, and the Electron --kiosk window): register a dispute
 * in five touch steps and take a ticket, look up progress, see the numbers being called.
 *
 * Outside the signed-in shell on purpose: no login, no navigation, no links out. It only calls the
 * public operations, which return the citizen's own ticket, a status in words, or queue codes.
 * After the configured idle time it asks "还在操作吗？" and then forgets everything typed.
 */
import { ConfigProvider } from 'antd';
import { useEffect, useState } from 'react';
import { KIOSK_CATEGORIES, type SubmitResult } from '../../../electron/common/api/intake';
import { call, session } from '../api/client';
import { useConnection } from '../api/connection';
import { errorMessage, isApiError } from '../components/apiErrors';
import { useApiQuery } from '../components/useApiQuery';
import { CalledNumbers } from './CalledNumbers';
import { checkStep, emptyDraft, isEmptyDraft, STEP_OF_FIELD, STEPS, toInput, type Draft, type Errors, type Step } from './draft';
import { DoneScreen, IdlePrompt, LookupScreen } from './screens';
import { CategoryStep, ConsentStep, OtherPartyStep, PersonStep, StoryStep } from './steps';
import { useKioskIdle } from './useKioskIdle';
import './kiosk.css';

type Screen = Step | 'done' | 'lookup';

const STEP_NAMES: Record<Step, string> = { category: '选类型', person: '您的信息', other: '对方', story: '经过', consent: '确认' };

const HEADINGS: Record<Screen, { title: string; lead: string }> = {
  category: { title: '请选择您遇到的纠纷类型', lead: '点一下对应的图片即可。全程只需 5 步，免费办理。' },
  person: { title: '第 2 步：您的信息', lead: '请填写姓名和手机号码，身份证号码可以不填。' },
  other: { title: '第 3 步：对方的信息', lead: '如果知道，请填写对方的姓名和电话；不知道可以跳过。' },
  story: { title: '第 4 步：发生了什么', lead: '用几句话说清楚即可，工作人员会再向您详细了解。' },
  consent: { title: '第 5 步：请阅读并同意', lead: '确认后提交登记，打印排队小票。' },
  done: { title: '', lead: '' },
  lookup: { title: '查询办理进度', lead: '请输入小票上的查询码和登记时所留手机号码的后四位。' },
};

/** A staff session left in this tab must not follow a citizen into the kiosk. */
function useNoStaffSession() {
  useEffect(() => {
    if (!session.get()) return;
    void call('auth.logout')
      .catch(() => undefined)
      .finally(() => session.set(null));
  }, []);
}

const kioskTheme = { token: { fontSize: 26, controlHeight: 72, controlHeightLG: 80 } };

/**
 * While the centre host cannot be reached: 暂停服务 over the whole screen, in large type, instead
 * of a form that cannot be sent. What the citizen had entered stays underneath, and a submission
 * already sent is retried; the screen goes by itself when the host answers.
 */
function PausedScreen() {
  return (
    <div className="kiosk-paused" role="alert" data-testid="kiosk-paused">
      <h1>暂停服务</h1>
      <p>自助登记正在恢复连接，请稍候片刻。</p>
      <p>如需办理，请到窗口找工作人员。</p>
    </div>
  );
}

export function KioskApp() {
  useNoStaffSession();
  const connectionState = useConnection();
  const info = useApiQuery('intake.kioskInfo', undefined, { staleTime: 5 * 60_000, refetchInterval: 5 * 60_000 });
  const [screen, setScreen] = useState<Screen>('category');
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<Errors>({});
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [reprinting, setReprinting] = useState(false);
  const [reprintError, setReprintError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  const reset = () => {
    setScreen('category');
    setDraft(emptyDraft);
    setErrors({});
    setResult(null);
    setSubmitError(null);
    setReprintError(null);
    setGeneration((g) => g + 1); // remounts the screens: their own fields are gone too
  };
  const armed = !(screen === 'category' && isEmptyDraft(draft));
  const idle = useKioskIdle(armed, info.data?.idleSeconds ?? 90, info.data?.promptSeconds ?? 20, reset);

  const patch = (p: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...p }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(p)) delete next[k as keyof Draft];
      return next;
    });
  };

  const stepIndex = STEPS.indexOf(screen as Step);
  const go = (to: Screen) => {
    setErrors({});
    setSubmitError(null);
    setScreen(to);
  };
  const next = () => {
    const step = screen as Step;
    const found = checkStep(step, draft);
    if (Object.keys(found).length > 0) return setErrors(found);
    const following = STEPS[stepIndex + 1];
    if (following) go(following);
  };

  const submit = async () => {
    for (const step of STEPS) {
      const found = checkStep(step, draft);
      if (Object.keys(found).length > 0) {
        setScreen(step);
        return setErrors(found);
      }
    }
    setSubmitting(true);
    setSubmitError(null);
    try {
      const r = await call('intake.submit', toInput(draft));
      setResult(r);
      setDraft(emptyDraft); // saved: nothing personal stays on the screen's state
      setScreen('done');
    } catch (e) {
      if (isApiError(e) && e.fields) {
        const [field] = Object.keys(e.fields);
        const step = (field && STEP_OF_FIELD[field]) || 'consent';
        setScreen(step);
        setErrors(e.fields);
      } else {
        setSubmitError(errorMessage(e));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const reprint = async () => {
    if (!result) return;
    setReprinting(true);
    setReprintError(null);
    try {
      const r = await call('intake.reprint', { reprintToken: result.reprintToken });
      setResult({ ...result, printed: r.printed, printError: r.printError });
    } catch (e) {
      setReprintError(errorMessage(e));
    } finally {
      setReprinting(false);
    }
  };

  const heading = HEADINGS[screen];
  const categoryTitle = KIOSK_CATEGORIES.find((c) => c.code === draft.category)?.title;

  return (
    <ConfigProvider theme={kioskTheme}>
      <div className="kiosk" data-testid="kiosk" onContextMenu={(e) => e.preventDefault()}>
        <header className="kiosk-header">
          <h1>{info.data?.centreName ?? '人民调解'} · 自助登记</h1>
          {stepIndex >= 0 ? (
            <nav className="kiosk-steps" aria-label="登记步骤">
              {STEPS.map((s, i) => (
                <span
                  key={s}
                  className={i === stepIndex ? 'on' : i < stepIndex ? 'done' : ''}
                  aria-current={i === stepIndex ? 'step' : undefined}
                >
                  {i + 1}
                  <span className="step-name">{STEP_NAMES[s]}</span>
                </span>
              ))}
            </nav>
          ) : null}
        </header>

        {info.isError ? (
          <main className="kiosk-main">
            <div className="kiosk-alert" role="alert">
              自助登记暂时不能使用，请到窗口找工作人员。（{errorMessage(info.error)}）
            </div>
          </main>
        ) : (
          // While "还在操作吗？" counts down, what was typed is blanked: the next person in the hall must not read it.
          <main className={`kiosk-main${idle.promptLeft !== null ? ' concealed' : ''}`} key={generation}>
            <div className="kiosk-content">
              {heading.title ? (
                <>
                  <h2 className="kiosk-title">{heading.title}</h2>
                  <p className="kiosk-lead">
                    {heading.lead}
                    {categoryTitle && stepIndex > 0 ? `（纠纷类型：${categoryTitle}）` : ''}
                  </p>
                </>
              ) : null}
              {screen === 'category' ? (
                <CategoryStep
                  value={draft.category}
                  onPick={(c) => {
                    patch({ category: c });
                    go('person');
                  }}
                />
              ) : null}
              {screen === 'person' ? <PersonStep draft={draft} errors={errors} patch={patch} /> : null}
              {screen === 'other' ? <OtherPartyStep draft={draft} errors={errors} patch={patch} /> : null}
              {screen === 'story' ? <StoryStep draft={draft} errors={errors} patch={patch} /> : null}
              {screen === 'consent' ? <ConsentStep draft={draft} errors={errors} patch={patch} /> : null}
              {screen === 'done' && result ? (
                <DoneScreen
                  result={result}
                  centrePhone={info.data?.centrePhone}
                  reprinting={reprinting}
                  reprintError={reprintError}
                  onReprint={() => void reprint()}
                />
              ) : null}
              {screen === 'lookup' ? <LookupScreen /> : null}
              {submitError ? (
                <div className="kiosk-alert" role="alert">
                  {submitError}
                </div>
              ) : null}
            </div>
            {screen === 'category' ? (
              <aside className="kiosk-side">
                <button type="button" className="kiosk-btn big" onClick={() => go('lookup')}>
                  查询办理进度
                </button>
                <CalledNumbers />
                {info.data?.centrePhone ? <div className="kiosk-panel">咨询电话：{info.data.centrePhone}</div> : null}
              </aside>
            ) : null}
          </main>
        )}

        <footer className={`kiosk-footer${screen === 'category' ? ' empty' : ''}`}>
          {stepIndex > 0 ? (
            <button type="button" className="kiosk-btn" onClick={() => go(STEPS[stepIndex - 1]!)}>
              上一步
            </button>
          ) : null}
          {stepIndex > 0 ? (
            <button type="button" className="kiosk-btn quiet" onClick={reset}>
              取消登记
            </button>
          ) : null}
          <span className="kiosk-spacer" />
          {screen === 'other' ? (
            <button
              type="button"
              className="kiosk-btn"
              onClick={() => {
                patch({ otherParty: '', otherPartyPhone: '' });
                go('story');
              }}
            >
              不知道，跳过
            </button>
          ) : null}
          {screen === 'person' || screen === 'other' || screen === 'story' ? (
            <button type="button" className="kiosk-btn primary" onClick={next}>
              下一步
            </button>
          ) : null}
          {screen === 'consent' ? (
            <button type="button" className="kiosk-btn primary big" disabled={submitting} onClick={() => void submit()}>
              {submitting ? '正在提交…' : '提交登记'}
            </button>
          ) : null}
          {screen === 'done' || screen === 'lookup' ? (
            <button type="button" className="kiosk-btn primary big" onClick={reset}>
              {screen === 'done' ? '完成' : '返回首页'}
            </button>
          ) : null}
        </footer>

        {connectionState === 'reconnecting' ? <PausedScreen /> : null}
        {idle.promptLeft !== null ? <IdlePrompt secondsLeft={idle.promptLeft} onContinue={idle.stillHere} /> : null}
      </div>
    </ConfigProvider>
  );
}
