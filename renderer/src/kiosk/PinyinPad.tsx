/**
 * An on-screen pinyin pad for touch-only kiosks: letter keys, and a bar of characters to choose
 * from (renderer/src/kiosk/pinyin.ts). Works offline: the dictionary ships with the app. The field
 * being written keeps its own value; the pad only says what to append or delete.
 */
import { useState } from 'react';
import { lookup } from './pinyin';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const PAGE = 8;

export function PinyinPad({
  label,
  extraKeys = [],
  onText,
  onBackspace,
  onClear,
  onNext,
}: {
  label: string;
  /** punctuation offered beside the letters: '·' for names, '，。' for a story */
  extraKeys?: readonly string[];
  onText: (text: string) => void;
  onBackspace: () => void;
  onClear: () => void;
  /** "下一项": on to the next field, when there is one */
  onNext?: () => void;
}) {
  const [letters, setLetters] = useState('');
  const [page, setPage] = useState(0);
  const found = lookup(letters);
  const pages = Math.max(1, Math.ceil(found.chars.length / PAGE));
  const shown = found.chars.slice(page * PAGE, page * PAGE + PAGE);

  const type = (next: string) => {
    setLetters(next.slice(0, 24));
    setPage(0);
  };
  const choose = (ch: string) => {
    onText(ch);
    type(letters.slice(found.letters.length));
  };
  const key = (text: string, onClick: () => void, extra = '', name = text) => (
    <button
      key={name}
      type="button"
      className={`kiosk-key${extra}`}
      aria-label={name}
      // Keep the focus (and the caret) in the field being written.
      onPointerDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {text}
    </button>
  );

  return (
    <div className="kiosk-pinyin">
      <div className="kiosk-keypad-label">{label}：点字母拼音，再点要写的字</div>
      <div className="kiosk-candidates" role="group" aria-label="候选字">
        <span className="letters" aria-live="polite">
          {letters || '拼音'}
        </span>
        {letters && found.chars.length === 0 ? <span className="none">没有这个拼音，请检查</span> : null}
        {shown.map((ch) => key(ch, () => choose(ch), ' cand', `选字 ${ch}`))}
        {pages > 1 ? (
          <>
            {key('‹', () => setPage((p) => Math.max(0, p - 1)), ' wide', '上一页候选字')}
            {key('›', () => setPage((p) => Math.min(pages - 1, p + 1)), ' wide', '下一页候选字')}
          </>
        ) : null}
      </div>
      <div className="kiosk-letters" role="group" aria-label="拼音字母">
        {ROWS.map((row) => (
          <div className="row" key={row}>
            {[...row].map((l) => key(l, () => type(letters + l)))}
            {row === 'zxcvbnm' ? key('⌫', () => (letters ? type(letters.slice(0, -1)) : onBackspace()), ' wide', '删除') : null}
          </div>
        ))}
        <div className="row">
          {extraKeys.map((k) => key(k, () => onText(k), ' wide'))}
          {key(
            '清空',
            () => {
              type('');
              onClear();
            },
            ' wide',
          )}
          {onNext ? key('下一项', onNext, ' wide') : null}
        </div>
      </div>
    </div>
  );
}
