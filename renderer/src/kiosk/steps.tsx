/** The five steps of the kiosk's registration, each one screen with one question. */
import { useState } from 'react';
import { CONSENT_NOTICE, KIOSK_CATEGORIES, MAX_DESCRIPTION, MAX_NAME } from '../../../electron/common/api/intake';
import type { CategoryCode } from '../../../electron/common/domain/categories';
import type { Draft, Errors } from './draft';
import { Field } from './Field';
import { KIOSK_ICONS } from './icons';
import { applyKey, DIGIT_KEYS, ID_KEYS, Keypad } from './Keypad';
import { PinyinPad } from './PinyinPad';

type Patch = (p: Partial<Draft>) => void;

export function CategoryStep({ value, onPick }: { value: CategoryCode | null; onPick: (c: CategoryCode) => void }) {
  return (
    <div className="kiosk-tiles" role="list" aria-label="纠纷类型">
      {KIOSK_CATEGORIES.map((c) => (
        <button
          key={c.code}
          type="button"
          role="listitem"
          className={`kiosk-tile${value === c.code ? ' on' : ''}`}
          aria-label={c.title}
          onClick={() => onPick(c.code)}
        >
          <span className="icon" aria-hidden>
            {KIOSK_ICONS[c.icon]}
          </span>
          <span className="name">{c.title}</span>
          <span className="hint">{c.hint}</span>
        </button>
      ))}
    </div>
  );
}

const phoneChars = (s: string) => s.replace(/[^\d\s-]/g, '').slice(0, 20);
/** Drops the last character, whole: a name may hold characters outside the BMP (𪚥). */
const withoutLast = (s: string) => [...s].slice(0, -1).join('');
/** Moves the caret to a field the pad now writes into, so the citizen sees where the text goes. */
const focusField = (id: string) => document.getElementById(id)?.focus();

const idChars = (s: string) =>
  s
    .toUpperCase()
    .replace(/[^\dX]/g, '')
    .slice(0, 18);

export function PersonStep({ draft, errors, patch }: { draft: Draft; errors: Errors; patch: Patch }) {
  // The name comes first and is written with the pinyin pad; the numbers with the digit keypad.
  const [target, setTarget] = useState<'name' | 'phone' | 'idNumber'>(draft.name ? 'phone' : 'name');
  const writeName = (name: string) => patch({ name: [...name].slice(0, MAX_NAME).join('') });
  return (
    <div className="kiosk-form">
      <div className="kiosk-fields">
        <Field
          id="k-name"
          label="您的姓名"
          value={draft.name}
          error={errors.name}
          maxLength={MAX_NAME}
          active={target === 'name'}
          // The pad below writes the name: no system keyboard popping up over the screen.
          inputMode="none"
          onFocus={() => setTarget('name')}
          onChange={writeName}
          placeholder="例如：王秀兰"
        />
        <Field
          id="k-phone"
          label="您的手机号码"
          note="用于通知您调解时间"
          value={draft.phone}
          error={errors.phone}
          active={target === 'phone'}
          inputMode="numeric"
          onFocus={() => setTarget('phone')}
          onChange={(v) => patch({ phone: phoneChars(v) })}
          placeholder="11 位手机号码"
        />
        <Field
          id="k-id"
          label="身份证号码"
          note="选填，可以不填"
          value={draft.idNumber}
          error={errors.idNumber}
          active={target === 'idNumber'}
          inputMode="numeric"
          onFocus={() => setTarget('idNumber')}
          onChange={(v) => patch({ idNumber: idChars(v) })}
          placeholder="18 位"
        />
      </div>
      {target === 'name' ? (
        <PinyinPad
          label="写姓名"
          extraKeys={['·']}
          onText={(t) => writeName(draft.name + t)}
          onBackspace={() => writeName(withoutLast(draft.name))}
          onClear={() => writeName('')}
          onNext={() => {
            setTarget('phone');
            focusField('k-phone');
          }}
        />
      ) : (
        <Keypad
          label={target === 'phone' ? '输入手机号码' : '输入身份证号码'}
          keys={target === 'phone' ? DIGIT_KEYS : ID_KEYS}
          onKey={(k) =>
            target === 'phone' ? patch({ phone: applyKey(draft.phone, k, 13) }) : patch({ idNumber: applyKey(draft.idNumber, k, 18) })
          }
        />
      )}
    </div>
  );
}

export function OtherPartyStep({ draft, errors, patch }: { draft: Draft; errors: Errors; patch: Patch }) {
  const [target, setTarget] = useState<'name' | 'phone'>(draft.otherParty ? 'phone' : 'name');
  const writeName = (name: string) => patch({ otherParty: [...name].slice(0, MAX_NAME).join('') });
  return (
    <div className="kiosk-form">
      <div className="kiosk-fields">
        <Field
          id="k-other"
          label="对方的姓名或单位名称"
          note="选填"
          value={draft.otherParty}
          error={errors.otherParty}
          maxLength={MAX_NAME}
          active={target === 'name'}
          inputMode="none"
          onFocus={() => setTarget('name')}
          onChange={writeName}
          placeholder="例如：赵大勇 / 某某物业公司"
        />
        <Field
          id="k-other-phone"
          label="对方的电话"
          note="选填"
          value={draft.otherPartyPhone}
          error={errors.otherPartyPhone}
          active={target === 'phone'}
          inputMode="numeric"
          onFocus={() => setTarget('phone')}
          onChange={(v) => patch({ otherPartyPhone: phoneChars(v) })}
          placeholder="不知道可以不填"
        />
        <div className="kiosk-info">不知道对方是谁也没关系，点下方“不知道，跳过”即可，工作人员会和您一起补充。</div>
      </div>
      {target === 'name' ? (
        <PinyinPad
          label="写对方姓名"
          extraKeys={['·']}
          onText={(t) => writeName(draft.otherParty + t)}
          onBackspace={() => writeName(withoutLast(draft.otherParty))}
          onClear={() => writeName('')}
          onNext={() => {
            setTarget('phone');
            focusField('k-other-phone');
          }}
        />
      ) : (
        <Keypad label="输入对方电话" keys={DIGIT_KEYS} onKey={(k) => patch({ otherPartyPhone: applyKey(draft.otherPartyPhone, k, 13) })} />
      )}
    </div>
  );
}

export function StoryStep({ draft, errors, patch }: { draft: Draft; errors: Errors; patch: Patch }) {
  const used = draft.description.length;
  const write = (text: string) => patch({ description: text.slice(0, MAX_DESCRIPTION) });
  return (
    <div className="kiosk-form">
      <div className="kiosk-fields kiosk-story">
        <label htmlFor="k-story" className="kiosk-story-label">
          发生了什么？您希望怎样解决？
        </label>
        <textarea
          id="k-story"
          className={`kiosk-input${errors.description ? ' invalid' : ''}`}
          value={draft.description}
          maxLength={MAX_DESCRIPTION}
          inputMode="none"
          placeholder="例如：楼上邻居家卫生间漏水，我家天花板发霉，找他几次都不管，希望他修好并赔偿。"
          aria-invalid={errors.description ? true : undefined}
          onChange={(e) => write(e.target.value)}
        />
        <div className="kiosk-count" aria-live="polite">
          已输入 {used} / {MAX_DESCRIPTION} 字
        </div>
        {errors.description ? (
          <div className="kiosk-error" role="alert">
            {errors.description}
          </div>
        ) : null}
      </div>
      <PinyinPad
        label="写经过"
        extraKeys={['，', '。']}
        onText={(t) => write(draft.description + t)}
        onBackspace={() => write(withoutLast(draft.description))}
        onClear={() => write('')}
      />
    </div>
  );
}

export function ConsentStep({ draft, errors, patch }: { draft: Draft; errors: Errors; patch: Patch }) {
  return (
    <div className="kiosk-fields" style={{ maxWidth: 'none', flex: 1, minHeight: 0 }}>
      {/* Focusable: on a short screen the notice scrolls, and a keyboard user must be able to scroll it too. */}
      <div className="kiosk-notice" role="document" aria-label="告知事项" tabIndex={0}>
        <p>
          <strong>人民调解是自愿的。</strong>
          {CONSENT_NOTICE.voluntary}
        </p>
        <p>
          <strong>保存哪些信息：</strong>
          {CONSENT_NOTICE.what}
        </p>
        <p>
          <strong>用来做什么：</strong>
          {CONSENT_NOTICE.why}
        </p>
        <p>
          <strong>谁能看到：</strong>
          {CONSENT_NOTICE.who}
        </p>
        <p>
          <strong>保存多久：</strong>
          {CONSENT_NOTICE.howLong}
        </p>
      </div>
      <button
        type="button"
        role="checkbox"
        aria-checked={draft.consent}
        className="kiosk-agree"
        onClick={() => patch({ consent: !draft.consent })}
      >
        <span className="box" aria-hidden>
          {draft.consent ? '✓' : ''}
        </span>
        <span>我同意：{CONSENT_NOTICE.agree}</span>
      </button>
      {errors.consent ? (
        <div className="kiosk-error" role="alert">
          {errors.consent}
        </div>
      ) : null}
    </div>
  );
}
