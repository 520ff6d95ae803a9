/**
 * A large on-screen keypad, so a citizen can enter a phone number, an ID number or a query code
 * without a keyboard. Keys are up to 88 px wide (at least 60 on a narrow portrait screen); ⌫ deletes one character, 清空 everything.
 */
export const DIGIT_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '', '0', '⌫'];
export const ID_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'X', '0', '⌫'];

export function applyKey(value: string, key: string, max: number): string {
  if (key === '⌫') return value.slice(0, -1);
  if (key === '清空') return '';
  return value.length >= max ? value : value + key;
}

export function Keypad({
  keys,
  columns = 3,
  onKey,
  label,
}: {
  keys: readonly string[];
  columns?: number;
  onKey: (key: string) => void;
  label: string;
}) {
  const clearKey = (span = 1) => (
    <button
      key="清空"
      type="button"
      className="kiosk-key wide"
      style={span > 1 ? { gridColumn: `span ${span}` } : undefined}
      onPointerDown={(e) => e.preventDefault()}
      onClick={() => onKey('清空')}
    >
      清空
    </button>
  );
  return (
    <div>
      <div className="kiosk-keypad-label">{label}</div>
      <div
        className="kiosk-keypad"
        role="group"
        aria-label={label}
        style={{ gridTemplateColumns: `repeat(${columns}, minmax(60px, 88px))` }}
      >
        {keys.map((k) =>
          k === '' ? (
            // The free corner of a phone-style pad takes 清空, as on a phone; other pads get a row for it.
            clearKey()
          ) : (
            <button
              key={k}
              type="button"
              className={`kiosk-key${k.length > 1 ? ' wide' : ''}`}
              aria-label={k === '⌫' ? '删除一位' : k}
              // Keep the focus (and the caret) in the field being typed into.
              onPointerDown={(e) => e.preventDefault()}
              onClick={() => onKey(k)}
            >
              {k}
            </button>
          ),
        )}
        {keys.includes('') ? null : clearKey(columns)}
      </div>
    </div>
  );
}
